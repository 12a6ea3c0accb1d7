#!/usr/bin/env python3
"""Generate N realistic Chinese social-work news articles as JSON Lines.

Usage: bench/gen_articles.py N [--seed S] [--out FILE] [--start-id K] [--seed-page PATH]

Output is the importer's interchange format (see ../shared/samples/articles.jsonl):
one JSON object per line with id ("bench-<n>"), column, title, summary, body,
published_at, source, region, plus author (sometimes absent), editor (sometimes),
tags, kind and featured.

All text is recombined from the sentences and clauses of the seed listing page
(../shared/seed/000_2f0c65c39755284d.txt): titles are a real place plus a
predicate taken from the seed, bodies are 3-8 paragraphs of recombined sentences.
The output is deterministic for a given --seed (and seed page), streams with
constant memory, and dates rise with the id over the ten years ending 2026-11-01.

Standard library only.
"""

import argparse
import os
import re
import sys
from datetime import datetime, timedelta, timezone
from random import Random

DEFAULT_SEED_PAGE = os.path.normpath(os.path.join(
    os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared", "seed",
    "000_2f0c65c39755284d.txt"))

CST = timezone(timedelta(hours=8))
RANGE_START = datetime(2016, 11, 1, tzinfo=CST)
RANGE_END = datetime(2026, 11, 1, tzinfo=CST)          # exclusive
COVID_START = datetime(2020, 1, 20, tzinfo=CST)        # no 疫情防控 text before this
SPAN = int((RANGE_END - RANGE_START).total_seconds())

# ---------------------------------------------------------------------------
# Places: province short name | full name | civil-affairs body | cities.
# A city is "name:district,district"; municipalities list districts directly.
# ---------------------------------------------------------------------------
GAZETTEER = """
北京|北京市|北京市民政局|*东城区,西城区,朝阳区,海淀区,丰台区,通州区
天津|天津市|天津市民政局|*和平区,河西区,南开区,滨海新区,武清区
上海|上海市|上海市民政局|*浦东新区,黄浦区,徐汇区,静安区,闵行区,杨浦区
重庆|重庆市|重庆市民政局|*渝中区,江北区,九龙坡区,万州区,涪陵区
河北|河北省|河北省民政厅|石家庄市:长安区,裕华区;唐山市:路北区;保定市:竞秀区;邯郸市:丛台区;廊坊市:广阳区
山西|山西省|山西省民政厅|太原市:小店区,迎泽区;大同市:平城区;长治市:潞州区;晋中市:榆次区
内蒙古|内蒙古自治区|内蒙古自治区民政厅|呼和浩特市:新城区,赛罕区;包头市:昆都仑区;鄂尔多斯市:东胜区;赤峰市:红山区
辽宁|辽宁省|辽宁省民政厅|沈阳市:浑南区,和平区,皇姑区;大连市:中山区,甘井子区;锦州市:凌河区;阜新市:海州区;鞍山市:铁东区
吉林|吉林省|吉林省民政厅|长春市:朝阳区,南关区;吉林市:船营区;四平市:铁西区;延边朝鲜族自治州:延吉市
黑龙江|黑龙江省|黑龙江省民政厅|哈尔滨市:南岗区,道里区;牡丹江市:爱民区,东安区;齐齐哈尔市:龙沙区;大庆市:萨尔图区
江苏|江苏省|江苏省民政厅|南京市:鼓楼区,玄武区;苏州市:姑苏区,吴中区;无锡市:梁溪区;常州市:天宁区;南通市:崇川区
浙江|浙江省|浙江省民政厅|杭州市:西湖区,上城区;宁波市:鄞州区,海曙区;温州市:鹿城区;嘉兴市:南湖区;绍兴市:越城区
安徽|安徽省|安徽省民政厅|合肥市:蜀山区,包河区;芜湖市:镜湖区;蚌埠市:蚌山区;安庆市:迎江区
福建|福建省|福建省民政厅|福州市:鼓楼区,仓山区;厦门市:思明区,湖里区;泉州市:鲤城区;漳州市:芗城区
江西|江西省|江西省民政厅|南昌市:东湖区,青山湖区;新余市:渝水区;赣州市:章贡区;九江市:浔阳区
山东|山东省|山东省民政厅|济南市:历下区,市中区;青岛市:市南区,黄岛区;烟台市:芝罘区;潍坊市:奎文区;德州市:德城区;威海市:环翠区
河南|河南省|河南省民政厅|郑州市:金水区,中原区;濮阳市:华龙区;洛阳市:西工区;开封市:鼓楼区;平顶山市:新华区
湖北|湖北省|湖北省民政厅|武汉市:江岸区,武昌区;宜昌市:西陵区;襄阳市:襄城区;潜江市
湖南|湖南省|湖南省民政厅|长沙市:岳麓区,芙蓉区;株洲市:天元区;湘潭市:雨湖区;衡阳市:蒸湘区
广东|广东省|广东省民政厅|广州市:天河区,越秀区;深圳市:福田区,南山区,龙岗区;佛山市:南海区,顺德区;珠海市:香洲区;东莞市
广西|广西壮族自治区|广西壮族自治区民政厅|南宁市:青秀区,兴宁区;柳州市:城中区,鱼峰区;桂林市:秀峰区;北海市:海城区
海南|海南省|海南省民政厅|海口市:美兰区,龙华区;三亚市:吉阳区;琼海市;五指山市
四川|四川省|四川省民政厅|成都市:锦江区,武侯区,成华区;绵阳市:涪城区;德阳市:旌阳区;南充市:顺庆区
贵州|贵州省|贵州省民政厅|贵阳市:云岩区,南明区;遵义市:红花岗区;六盘水市:钟山区;安顺市:西秀区
云南|云南省|云南省民政厅|昆明市:五华区,盘龙区;曲靖市:麒麟区;玉溪市:红塔区;大理白族自治州:大理市
西藏|西藏自治区|西藏自治区民政厅|拉萨市:城关区,堆龙德庆区;日喀则市:桑珠孜区;林芝市:巴宜区
陕西|陕西省|陕西省民政厅|西安市:雁塔区,碑林区,未央区;宝鸡市:渭滨区;咸阳市:秦都区;延安市:宝塔区
甘肃|甘肃省|甘肃省民政厅|兰州市:城关区,七里河区;天水市:秦州区;白银市:白银区;酒泉市:肃州区
青海|青海省|青海省民政厅|西宁市:城东区,城西区;海东市:乐都区;海西蒙古族藏族自治州:德令哈市
宁夏|宁夏回族自治区|宁夏回族自治区民政厅|银川市:兴庆区,金凤区;石嘴山市:大武口区;吴忠市:利通区;固原市:原州区
新疆|新疆维吾尔自治区|新疆维吾尔自治区民政厅|乌鲁木齐市:天山区,沙依巴克区;克拉玛依市:克拉玛依区;喀什地区:喀什市;伊犁哈萨克自治州:伊宁市
"""

# Places named in the seed that are not (or not only) in the gazetteer; used to
# strip a leading place off seed titles and clauses.
EXTRA_PLACES = ("兴平街道", "乃琼街道", "西苑街道", "寮步镇", "威海经济技术开发区", "威海经开区",
                "新区", "厦门", "柳州", "牡丹江", "兰州", "德州", "烟台", "濮阳", "潜江", "拉萨",
                "新余", "郑州", "深圳", "鄞州", "东莞", "济南", "潍坊")

COLUMNS = (("行业动态", 45), ("联合会动态", 15), ("政策法规", 13), ("通知公告", 13),
           ("理论研究", 10), ("一周动态", 4))

NATIONAL_SOURCES = (("中国社会工作联合会", 18), ("民政部", 14), ("中国社会报", 18),
                    ("社工中国网", 20), ("《中国社会工作》杂志", 8))

TAG_TRIGGERS = (
    ("社工站", ("社工站", "社会工作服务站", "社会工作站")),
    ("三社联动", ("三社联动",)),
    ("五社联动", ("五社联动",)),
    ("社会工作师", ("社会工作师",)),
    ("乡村振兴", ("乡村振兴", "脱贫攻坚", "乡村治理")),
    ("疫情防控", ("疫情",)),
    ("志愿服务", ("志愿",)),
    ("未成年人保护", ("未成年人", "未保站", "青少年", "儿童")),
    ("防汛救灾", ("防汛", "洪灾", "救灾")),
    ("职业水平考试", ("职业水平考试",)),
    ("社会组织", ("社会组织",)),
    ("人才队伍建设", ("人才",)),
    ("基层治理", ("基层治理", "社区治理", "治理")),
    ("援疆援藏", ("援疆", "援藏")),
)

SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程"
            "苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤")
GIVEN = ("伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华建国志红梅亮辉玲婷雪慧晶佳鑫宇浩然欣怡子涵"
         "晨阳思远嘉琪文博雨萱梓睿晓东海燕春雷振华立新丹凤瑞一鸣晓峰俊杰雅琴玉兰淑珍国强建华永红")

CN_NUM = "一二三四五六七八九十"

# Year placeholders: the seed is from 2021; years 2020-2025 in it are rewritten
# relative to each article's publication year, "十四五" to the plan in force.
YEAR_PH = {str(2020 + k): chr(0xE000 + k) for k in range(6)}          # offset k-1
PLAN_PH = chr(0xE010)          # 十三五 / 十四五 / 十五五
PLAN_LONG_PH = chr(0xE011)     # 第十三个五年 / ...
SCOPE_PH = chr(0xE012)         # 全省 / 全市 / 全区 depending on the place level
PLACE_PH = chr(0xE013)         # a place swapped into a document name
ALL_PH = re.compile("[\uE000-\uE0FF]")

OPEN_BRACKETS = {"“": "”", "《": "》", "(": ")", "（": "）", "<": ">", "‘": "’", "「": "」"}
CLOSE_BRACKETS = set(OPEN_BRACKETS.values())


# ---------------------------------------------------------------------------
# Seed parsing
# ---------------------------------------------------------------------------

def normalise(s):
    """Seed text uses ASCII punctuation; portals use full-width."""
    s = s.replace("[详情]", "").strip()
    while s.endswith("...") or s.endswith("……") or s.endswith("…"):
        s = s.rstrip(".…").rstrip()
    s = s.replace(",", "，").replace(";", "；").replace("?", "？").replace("!", "！")
    s = re.sub(r"(?<!\d):|:(?!\d)", "：", s)
    s = re.sub(r"\s{2,}", " ", s)
    return s


def balanced(s):
    stack = []
    for ch in s:
        if ch in OPEN_BRACKETS:
            stack.append(OPEN_BRACKETS[ch])
        elif ch in CLOSE_BRACKETS:
            if not stack or stack.pop() != ch:
                return False
    return not stack


def split_top(s, seps):
    """Split at separators that are not inside quotes, book titles or brackets."""
    out, cur, depth = [], [], 0
    for ch in s:
        if ch in OPEN_BRACKETS:
            depth += 1
        elif ch in CLOSE_BRACKETS:
            depth = max(0, depth - 1)
        if depth == 0 and ch in seps:
            cur.append(ch)
            out.append("".join(cur))
            cur = []
        else:
            cur.append(ch)
    if cur:
        out.append("".join(cur))
    return out


def parse_seed(path):
    with open(path, encoding="utf-8") as f:
        raw = [ln.strip() for ln in f]
    lines = [ln for ln in raw if ln]
    if lines and len(lines[0]) <= 8 and not re.search(r"[，,。.：:]", lines[0]):
        lines = lines[1:]                                   # column heading
    featured, rest = None, lines
    if rest and "[详情]" in rest[0]:
        featured, rest = rest[0], rest[1:]
    items = []
    for i in range(0, len(rest) - 1, 2):
        title, summ = rest[i], rest[i + 1]
        truncated = summ.rstrip().endswith(("...", "……", "…", "[详情]"))
        items.append((normalise(title), normalise(summ), truncated))
    texts = []
    if featured:
        texts.append((normalise(featured), True))
    for title, summ, trunc in items:
        if summ != title:
            texts.append((summ, trunc))
    return items, texts


def with_placeholders(s):
    s = s.replace("2025年度", "2021年度")
    s = re.sub(r"(?<!\d)(202[0-5])(?!\d)", lambda m: YEAR_PH[m.group(1)], s)
    s = s.replace("第十四个五年", PLAN_LONG_PH).replace("十四五", PLAN_PH)
    return s


# ---------------------------------------------------------------------------
# The corpus built once from the seed
# ---------------------------------------------------------------------------

class Corpus:
    OPENER = re.compile(r"^(为|近日|日前|近年来|今年以来|去年|自|经过|面对|根据|按照|党的|在|截至|"
                        r"\d{1,2}月|\d{4}年|[\uE000-\uE005]年|\d{1,2}日|目前|同时|此外)")
    VERB_START = re.compile(r"^(推动|推进|引入|提升|建立|探索|开展|打造|加强|做实|吸引|发挥|安排部署|切实|"
                            r"实现|动员|引导|持续|全面|努力|创新|积极|不断|进一步|组织|印发|发布|召开|"
                            r"举办|启动|部署|聚焦|破解|创造|落实|增强|促进|明确|培育|鼓励|依法|科学|"
                            r"逐步|深入|把|以|狠抓|全力|共同|推广|扎实|大力|首批|首个|率先)")
    DATE_CLAUSE = re.compile(r"^(去年|今年)?([\d\uE000-\uE005]{1,4}年)?\d{1,2}月\d{1,2}日[至\d日上下午]*$")
    FRAGMENT = re.compile(r"(明确|要求|显示|的是|指出|表示)$|[到至][\d\uE000-\uE005]+年$|^(到|自)[\d\uE000-\uE005]|"
                          r"^(她|他|并|较上|原本|其中|让人|但是|我们|现结合|明确自|社工中国网由|实时报道|"
                          r"在维护)")
    BAD_START = re.compile(r"^(其中|这也是|她|他|我们|但|让人|期间|并|现|较上|再创|其|一位|经过征集|"
                           r"累计财政|市属|社会捐赠|连续|原本|造成|依法有序|科学有效|即)")

    def __init__(self, seed_page):
        self.items, texts = parse_seed(seed_page)
        self.provinces = self._parse_gazetteer()
        names = set(EXTRA_PLACES)
        for p in self.provinces:
            names.update((p["short"], p["full"]))
            for c in p["cities"]:
                if c["name"]:
                    names.update((c["name"], c["short"]))
                for d in c["districts"]:
                    names.update((d, d[:-1] if len(d) >= 3 else d))
        names = sorted((n for n in names if len(n) >= 2), key=len, reverse=True)
        alt = "|".join(map(re.escape, names))
        self.place_any = re.compile(alt)
        self.place_prefix = re.compile(
            r"^(?:(?:%s)(?:省|市|区|县|自治区)?[、]?)+(?:(?:省|市|区)?(?:委宣传部|民政局|民政厅|人社厅)[、]?)*" % alt)

        full, partial = [], []
        for text, trunc in texts:
            sents = split_top(text, "。！？")
            last = sents[-1] if sents else ""
            for s in sents:
                s = s.strip()
                if s.endswith("。"):
                    full.append(s)
                elif s is last and s:
                    partial.append(s)        # truncated tail: clauses only
        # clauses
        openers, mids, closers, verbs = [], [], [], []
        self.full = [with_placeholders(s) for s in full if balanced(s) and 12 <= len(s) <= 150]
        for s, is_full in [(s, True) for s in full] + [(s, False) for s in partial]:
            body = s.rstrip("。！？")
            cl = [c.rstrip("，；").strip() for c in split_top(body, "，；")]
            if not is_full:
                cl = cl[:-1]                 # the cut-off clause
            for j, c in enumerate(cl):
                if len(c) < 4 or not balanced(c):
                    continue
                c = with_placeholders(c)
                is_date = self.DATE_CLAUSE.match(c)
                if (j == 0 and self.OPENER.match(c) and len(cl) > 1) or (is_date and j < len(cl) - 1):
                    openers.append(c)
                elif is_date:
                    pass
                elif is_full and j == len(cl) - 1 and j > 0:
                    closers.append(c)
                else:
                    mids.append(c)
                v = self._verb_phrase(c)
                if v:
                    verbs.append(v)
        self.openers = sorted(set(openers))
        # clauses that only make sense next to their original neighbours stay out
        # of free recombination (they still appear inside whole seed sentences)
        self.mids = sorted(m for m in set(mids) if not self.FRAGMENT.search(m))
        self.closers = sorted(m for m in set(closers) if not self.FRAGMENT.search(m))
        # predicates from seed titles: strip the leading place
        preds, pairs = [], []
        for title, _summ, _t in self.items:
            t = title.strip()
            if "一周动态" in t or "一图读懂" in t or t.endswith("公示"):
                continue
            m = self.place_prefix.match(t)
            if not m or m.end() == 0:
                continue
            p = t[m.end():].lstrip("：:、 ")
            if len(p) < 5 or self.place_any.search(p) or not balanced(p):
                continue
            p = with_placeholders(p)
            for w in ("全省", "全市", "全区"):
                p = p.replace(w, SCOPE_PH)
            preds.append(p)
            if " " in p:
                pairs.extend(x for x in p.split(" ") if len(x) >= 6)
        self.title_preds = sorted(set(preds))
        topics = set()
        for title, _summ, _t in self.items:
            if "——以" in title:
                topics.add(title.split("——")[0].strip())
        self.theory_topics = sorted(topics)
        verbs = sorted(set(verbs))
        self.verbs = verbs
        self.actions = [v for v in verbs if self.VERB_START.match(v)]
        self.short_verbs = [v for v in verbs if 6 <= len(v) <= 22]
        self.halves = sorted(h for h in set(pairs + [v for v in self.short_verbs if len(v) <= 14])
                             if self.VERB_START.match(h) and not re.search(r"[\d\uE000-\uE0FF！]", h)
                             and not h.endswith(("以来", "年", "月")))
        # documents named in the seed, with their own place swapped for a placeholder
        docs = set()
        for text, _t in texts:
            for d in re.findall(r"《([^》]{8,})》", text):
                if "<" in d or "中国社会工作" == d:
                    continue
                m = self.place_prefix.match(d)
                if m and m.end():
                    d = PLACE_PH + d[m.end():]
                d = with_placeholders(d).replace("全省", SCOPE_PH).replace("十三五", PLAN_PH)
                docs.add(d)
        self.docs = sorted(docs)
        self.notice_docs = [d for d in self.docs if d.startswith("关于") and d.endswith("通知")]
        self.policy_docs = [d for d in self.docs if not d.endswith("通知")
                            and not d.endswith("倡议书")]
        self.check_json_safe()
        self.digest_intro = next((s for s in self.full if s.startswith("社工中国网由")),
                                 "社工中国网由中国社会工作联合会主办，实时报道行业动态、政策法规、理论研究等各类最新资讯。")

    def check_json_safe(self):
        """Generated lines are formatted without a JSON encoder: refuse a seed page
        whose text would need escaping."""
        for name in ("full", "openers", "mids", "closers", "verbs", "title_preds", "docs"):
            for t in getattr(self, name):
                if JSON_UNSAFE.search(t):
                    raise SystemExit("seed text needs JSON escaping, unsupported: %r" % t)

    def _verb_phrase(self, c):
        m = self.place_prefix.match(c)
        if m and m.end():
            v = c[m.end():].lstrip("、，")
        elif self.VERB_START.match(c):
            v = c
        else:
            return None
        if (len(v) < 5 or len(v) > 32 or self.BAD_START.match(v) or self.OPENER.match(v)
                or not balanced(v) or self.place_any.search(v) or v[0] in "、的和与及"
                or re.match(r"^[\d\uE000-\uE0FF]", v) or v.endswith(("以来", "年", "月"))):
            return None
        return v.replace("全省", SCOPE_PH).replace("全市", SCOPE_PH).replace("全区", SCOPE_PH)

    @staticmethod
    def _parse_gazetteer():
        provs = []
        for line in GAZETTEER.strip().splitlines():
            short, full, org, cities = line.split("|")
            muni = cities.startswith("*")
            clist = []
            if muni:
                clist.append({"name": None, "short": None,
                              "districts": cities[1:].split(",")})
            else:
                for spec in cities.split(";"):
                    name, _, ds = spec.partition(":")
                    cshort = name[:-1] if name.endswith("市") and len(name) >= 3 else \
                        name[:-2] if name.endswith("地区") else name
                    clist.append({"name": name, "short": cshort,
                                  "districts": ds.split(",") if ds else []})
            provs.append({"short": short, "full": full, "org": org, "muni": muni,
                          "cities": clist,
                          "scope": "全市" if muni else "全区" if full.endswith("自治区") else "全省"})
        return provs


# ---------------------------------------------------------------------------
# Generation
# ---------------------------------------------------------------------------

def dshort(d):
    return d[:-1] if len(d) >= 3 and d[-1] in "区市" else d


class Generator:
    POOL_BITS = 16             # 2**16 recombined body sentences per pool
    PLACE_POOL = 20000         # places with their display forms
    LEAD_POOL = 20000          # verb-phrase tails for lead sentences

    def __init__(self, corpus, rng):
        self.c = corpus
        self.rng = rng
        r = rng
        rnd = r.random
        self.pick = lambda seq: seq[int(rnd() * len(seq))]
        # Two pools of exactly 2**16 sentences (so one 16-bit random number picks
        # one): any sentence, and sentences for dates before the pandemic.
        size = 1 << self.POOL_BITS
        self.pool_all, self.pool_clean = [], []
        while len(self.pool_all) < size or len(self.pool_clean) < size:
            s = self._sentence()
            if len(self.pool_all) < size:
                self.pool_all.append(s)
            if len(self.pool_clean) < size and "疫情" not in s and "新冠" not in s:
                self.pool_clean.append(s)
        self._year_pools, self._bytes_pools = {}, {}
        self.places = [self._place() for _ in range(self.PLACE_POOL)]
        self.verbs_clean = [v for v in corpus.verbs if "疫情" not in v]
        self.actions_clean = [v for v in corpus.actions if "疫情" not in v]
        self.short_clean = [v for v in corpus.short_verbs if "疫情" not in v]
        self.preds_clean = [v for v in corpus.title_preds if "疫情" not in v]
        self.halves_clean = [v for v in corpus.halves if "疫情" not in v]
        self.col_names = [c for c, _ in COLUMNS]
        self.col_weights = [w for _, w in COLUMNS]
        self.src_names = [s for s, _ in NATIONAL_SOURCES] + ["省民政厅"]
        self.src_weights = [w for _, w in NATIONAL_SOURCES] + [22]
        self.layouts = [self._layout() for _ in range(5000)]
        self.lead_all = [self._lead_tail(corpus.verbs, corpus.actions)
                         for _ in range(self.LEAD_POOL)]
        self.lead_clean = [self._lead_tail(self.verbs_clean, self.actions_clean)
                           for _ in range(self.LEAD_POOL)]

    def sentence_pool(self, year, covid_ok):
        """Body sentences as UTF-8, with the years of the given publication year
        filled in (built on first use, shared between years where possible)."""
        base = self._bytes_pools.get(covid_ok)
        if base is None:
            base = [s.encode() for s in (self.pool_all if covid_ok else self.pool_clean)]
            self._bytes_pools[covid_ok] = base
        key = (year, covid_ok)
        pool = self._year_pools.get(key)
        if pool is None:
            src = self.pool_all if covid_ok else self.pool_clean
            pool = [fill_years(t, year).encode() if ALL_PH.search(t) else b
                    for t, b in zip(src, base)]
            self._year_pools[key] = pool
        return pool

    # -- sentences -----------------------------------------------------------
    def _random_date_text(self, s):
        r = self.rng

        def md(m):
            mon = r.randint(1, 12)
            day = r.randint(1, 28)
            tail = ""
            if m.group(3):
                tail = "至%d日" % min(28, day + r.randint(1, 6))
            return "%d月%d日%s" % (mon, day, tail)
        return re.sub(r"(\d{1,2})月(\d{1,2})日(至\d{1,2}日)?", md, s)

    def _sentence(self):
        r, c = self.rng, self.c
        x = r.random()
        if x < 0.18 and c.full:
            return self._random_date_text(r.choice(c.full))
        if x < 0.36 and c.actions:
            s = self._subject_clauses(self._place(), c.verbs, c.actions)
            if r.random() < 0.5 and c.openers:
                s = self._random_date_text(r.choice(c.openers)) + "，" + s
            return s + "。"
        parts = []
        if r.random() < 0.55 and c.openers:
            parts.append(r.choice(c.openers))
        parts.extend(r.sample(c.mids, r.choice((1, 1, 2, 2, 3))))
        closer = r.choice(c.closers)
        if closer not in parts:
            parts.append(closer)
        s = "，".join(parts) + "。"
        return self._random_date_text(s).replace(SCOPE_PH, "全省")

    def _subject_clauses(self, pl, verbs, actions):
        """'<place or its civil-affairs body><verb phrase>, <verb phrase>...' (no full stop)."""
        use_org, tail = self._lead_tail(verbs, actions)
        return ((pl["org"] if use_org else pl["name"]) + tail).replace(SCOPE_PH, pl["scope"])

    def _lead_tail(self, verbs, actions):
        r, c = self.rng, self.c
        if r.random() < 0.6:
            use_org, first = True, r.choice(actions)
        else:
            use_org, first = False, r.choice(verbs)
        picks = [first]
        for v in r.sample(actions, 3)[:r.choice((0, 1, 1, 2))]:
            if v not in picks:
                picks.append(v)
        if r.random() < 0.5:
            cl = r.choice(c.closers)
            if cl not in picks:
                picks.append(cl)
        return use_org, "，".join(picks)

    # -- places --------------------------------------------------------------
    def _place(self, prov=None):
        """A place at province, city or district level with its display forms."""
        r = self.rng
        p = prov or r.choice(self.c.provinces)
        lvl = r.random()
        city = r.choice(p["cities"])
        if p["muni"]:
            if lvl < 0.4:
                return self._prov_place(p)
            d = r.choice(city["districts"])
            names = (p["full"] + d, p["short"] + d, d, p["full"] + d)
            return {"prov": p, "name": r.choice(names), "short": p["short"] + dshort(d),
                    "org": d + "民政局", "scope": "全区", "local": d, "level": 3}
        if lvl < 0.3:
            return self._prov_place(p)
        if lvl < 0.7 or not city["districts"]:
            names = (city["name"], p["full"] + city["name"], city["name"], p["full"] + city["name"])
            scope = "全州" if city["name"].endswith("州") else "全市"
            return {"prov": p, "name": r.choice(names), "short": city["short"],
                    "org": city["name"] + "民政局", "scope": scope, "local": city["name"],
                    "level": 2}
        d = r.choice(city["districts"])
        names = (city["name"] + d, city["short"] + d, d, p["full"] + city["name"] + d,
                 city["name"] + d)
        return {"prov": p, "name": r.choice(names), "short": city["short"] + dshort(d),
                "org": d + "民政局", "scope": "全市" if d.endswith("市") else "全区", "local": d,
                "level": 3}

    @staticmethod
    def _prov_place(p):
        return {"prov": p, "name": p["full"], "short": p["short"], "org": p["org"],
                "scope": p["scope"], "local": p["full"], "level": 1}

    # -- people --------------------------------------------------------------
    def _name(self):
        r = self.rng
        n = self.pick(SURNAMES)
        if r.random() < 0.72:
            return n + self.pick(GIVEN) + self.pick(GIVEN)
        return n + self.pick(GIVEN)

    # -- titles --------------------------------------------------------------
    def _news_title(self, pl, covid_ok):
        r, c = self.rng, self.c
        verbs = c.short_verbs if covid_ok else self.short_clean
        preds = c.title_preds if covid_ok else self.preds_clean
        halves = c.halves if covid_ok else self.halves_clean
        for _ in range(12):
            x = r.random()
            if x < 0.30:
                pred = self.pick(preds)
                t = (pl["short"] + "：" + pred) if pred[0] == SCOPE_PH else pl["name"] + pred
            elif x < 0.55:
                t = pl["short"] + "：" + self.pick(verbs)
            elif x < 0.72:
                t = pl["short"] + "：" + self.pick(halves) + " " + self.pick(halves)
            elif x < 0.90:
                t = pl["name"] + self.pick(verbs)
            else:
                t = pl["name"] + self.pick(halves) + " " + self.pick(halves)
            t = t.replace(SCOPE_PH, pl["scope"])
            if 12 <= shown_len(t) <= 40:
                return t
        fits = [v for v in verbs if 12 <= shown_len(pl["short"] + "：" + v) <= 40] or verbs
        return (pl["short"] + "：" + self.pick(fits)).replace(SCOPE_PH, pl["scope"])

    def _doc_name(self, doc, pl):
        return doc.replace(PLACE_PH, pl["local"]).replace(SCOPE_PH, pl["scope"])

    def _policy_title(self, pl, covid_ok):
        r, c = self.rng, self.c
        for _ in range(12):
            doc = self.pick(c.policy_docs)
            national = not doc.startswith((PLACE_PH, "关于"))
            doc = self._doc_name(doc, pl)
            if not covid_ok and ("疫情" in doc or "新冠" in doc):
                continue
            x = r.random()
            if national:
                # a national document: the place implements it
                t = ("%s部署落实《%s》" if x < 0.5 else "%s贯彻落实《%s》") % (
                    pl["org"] if x < 0.3 or x > 0.8 else pl["short"], doc)
                if 12 <= shown_len(t) <= 40:
                    return t
                continue
            if x < 0.35:
                t = "%s印发《%s》" % (pl["name"], doc)
            elif x < 0.55:
                t = "%s出台《%s》" % (pl["short"], doc)
            elif x < 0.75:
                t = "《%s》印发 %s" % (doc, self.pick(c.halves))
            elif x < 0.9:
                t = "%s发布《%s》" % (pl["org"], doc)
            else:
                t = "政策解读：《%s》" % doc
            t = t.replace(SCOPE_PH, pl["scope"])
            if PLACE_PH in t:
                continue
            if 12 <= shown_len(t) <= 40 and (pl["local"] in t or pl["name"] in t or pl["short"] in t):
                return t
        return "%s印发《%s社会工作专业人才发展规划》" % (pl["name"], PLAN_PH)

    def _notice_title(self, pl):
        r, c = self.rng, self.c
        Y, order = YEAR_PH["2021"], self.pick(("", "第一次", "第二次"))
        prov = pl["prov"]
        x = r.random()
        if x < 0.3:
            t = "%s%s年度%s高级社会工作师评审结果的公示" % (prov["full"], Y, order)
        elif x < 0.45:
            t = "%s%s年度社会工作领军人才拟选拔人选公示" % (prov["full"], Y)
        elif x < 0.6:
            t = "%s关于开展%s年度%s高级社会工作师评审工作的通知" % (prov["org"], Y, order)
        else:
            doc = self._doc_name(self.pick(c.notice_docs), pl) if c.notice_docs else \
                "关于开展社会工作专业人才培训的通知"
            t = (pl["org"] if r.random() < 0.7 else "") + doc
            if shown_len(t) > 40:
                t = doc
        return t

    def _theory_title(self, pl, covid_ok):
        r, c = self.rng, self.c
        x = r.random()
        verbs = c.short_verbs if covid_ok else self.short_clean
        topics = c.theory_topics + [v for v in verbs if v.startswith(
            ("探索", "推进", "创新", "打造", "发挥", "加强", "培育", "引入", "推动", "建立"))]
        if x < 0.35 and topics:
            for _ in range(8):
                t = "%s——以%s为例" % (self.pick(topics), pl["name"])
                t = t.replace(SCOPE_PH, pl["scope"])
                if shown_len(t) <= 40:
                    return t
        if x < 0.5 and pl["level"] > 1:
            return "全域统筹：基层治理的“%s解法”" % dshort(pl["local"].replace("自治区", "")
                                                   .replace("省", ""))
        return self._news_title(pl, covid_ok)

    # -- bodies --------------------------------------------------------------
    def _lead(self, pl, when, covid_ok):
        rnd = self.rng.random
        x = rnd()
        if x < 0.35:
            d = when - timedelta(days=int(rnd() * 7))
            t = "%d月%d日%s" % (d.month, d.day, ("", "", "上午", "下午")[int(rnd() * 4)])
        elif x < 0.6:
            t = "近日"
        elif x < 0.75:
            t = "日前"
        elif x < 0.88:
            t = "今年以来"
        else:
            t = "近年来"
        use_org, tail = self.pick(self.lead_all if covid_ok else self.lead_clean)
        who = pl["org"] if use_org else pl["name"]
        return t + "，" + who + tail.replace(SCOPE_PH, pl["scope"]) + "。"

    def _layout(self, npar=None):
        """Sentences per paragraph: 3-8 paragraphs of 2-5 sentences; the first
        paragraph's count includes the lead sentence."""
        rnd = self.rng.random
        npar = npar or 3 + int(rnd() * 6)
        counts = [2 + int(rnd() * 4) for _ in range(npar)]
        counts[0] -= 1
        bounds, k = [], 0
        for n in counts:
            bounds.append((k, k + n))
            k += n
        return k, bounds

    def _paragraphs(self, pool, layout=None):
        """UTF-8 paragraphs of pool sentences; the lead goes in front of the first."""
        total, bounds = layout or self.pick(self.layouts)
        # one 16-bit index per sentence, all from a single random number
        idx = memoryview(self.rng.getrandbits(16 * total).to_bytes(2 * total, "little")).cast("H")
        get = pool.__getitem__
        join = b"".join
        return [join(map(get, idx[a:b])) for a, b in bounds]


JSON_UNSAFE = re.compile(r'["\\\x00-\x1f\x7f\u2028\u2029]')

TAG_RE = re.compile("|".join(re.escape(w) for _, ws in TAG_TRIGGERS for w in ws))
TAG_OF = {w: tag for tag, ws in TAG_TRIGGERS for w in ws}
TAG_ORDER = {tag: i for i, (tag, _) in enumerate(TAG_TRIGGERS)}


def shown_len(s):
    """Length of a text once its placeholders are filled in."""
    return len(fill_years(s, 2021)) if ALL_PH.search(s) else len(s)


def fill_years(s, year):
    if not ALL_PH.search(s):
        return s
    for y, ph in YEAR_PH.items():
        if ph in s:
            s = s.replace(ph, str(year + int(y) - 2021))
    if PLAN_PH in s or PLAN_LONG_PH in s:
        if year < 2021:
            a, b = "十三五", "第十三个五年"
        elif year <= 2025:
            a, b = "十四五", "第十四个五年"
        else:
            a, b = "十五五", "第十五个五年"
        s = s.replace(PLAN_PH, a).replace(PLAN_LONG_PH, b)
    return s


def main(argv=None):
    ap = argparse.ArgumentParser(
        description="Generate N realistic Chinese social-work articles as JSON Lines.")
    ap.add_argument("n", type=int, help="number of articles")
    ap.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    ap.add_argument("--out", help="output file (default: stdout)")
    ap.add_argument("--start-id", type=int, default=1,
                    help="number of the first id, bench-<start-id> (default 1)")
    ap.add_argument("--column", help="put every article in this column (default: all columns, weighted)")
    ap.add_argument("--no-featured", action="store_true",
                    help="mark no article featured (so every one is in its column's listing)")
    ap.add_argument("--seed-page", default=DEFAULT_SEED_PAGE,
                    help="seed listing page to recombine (default: %(default)s)")
    a = ap.parse_args(argv)
    if a.n < 0:
        ap.error("N must be >= 0")
    if not os.path.exists(a.seed_page):
        ap.error("seed page not found: %s (use --seed-page)" % a.seed_page)

    rng = Random(a.seed)
    corpus = Corpus(a.seed_page)
    g = Generator(corpus, rng)
    out = open(a.out, "wb", buffering=0) if a.out else open(sys.stdout.fileno(), "wb", buffering=0,
                                                          closefd=False)
    try:
        buf, size = [], 0
        for line in generate(a.n, a.start_id, g, a.column, not a.no_featured):
            buf.append(line)
            size += len(line)
            if size >= 1 << 22:
                out.write(b"".join(buf))
                buf, size = [], 0
        out.write(b"".join(buf))
    except BrokenPipeError:
        os._exit(0)          # reader went away (e.g. | head): not an error
    finally:
        if a.out:
            out.close()


# Every string in a line comes from the seed (checked by Corpus.check_json_safe)
# or from this file's tables, so nothing needs JSON escaping except the paragraph
# breaks, which are written as the two-character escape. Formatting the line
# directly, with the body already in UTF-8, is several times faster than json.
HEAD = '{"id": "bench-%d", "column": "%s", "title": "%s", "summary": "%s", "body": "'
TAIL = ('", "published_at": "%sT%02d:%02d:%02d+08:00", "source": "%s", "region": "%s"%s, '
        '"tags": %s, "kind": "%s", "featured": %s}\n')
PARA_BREAK = b"\\n\\n"          # JSON for "\n\n"
DIGEST_HEADS = tuple(h.encode() for h in ("【政策参考】", "【联合会动态】", "【行业动态】", "【理论研究】"))


def generate(n, start_id, g, only_column=None, featured=True):
    """Yield n articles as UTF-8 JSON lines."""
    r, corpus, pick = g.rng, g.c, g.pick
    rnd = r.random
    col_table = ([only_column] if only_column else
                 [c for c, w in zip(g.col_names, g.col_weights) for _ in range(w)])
    src_table = [s for s, w in zip(g.src_names, g.src_weights) for _ in range(w)]
    start_day = RANGE_START.date()
    covid_day = (COVID_START.date() - start_day).days
    days = {}                               # day number -> (date, "YYYY-MM-DD")
    spacing = SPAN / n if n else 0
    jitter = 0.5 * spacing + 2 * 3600       # dates rise with the id, give or take this
    for i in range(n):
        t = (i + 0.5) * spacing + (rnd() * 2 - 1) * jitter
        if rnd() < 0.02:                    # a few were imported days out of order
            t += (rnd() * 2 - 1) * 3 * 86400
        if t < 0:
            t = -t
        if t >= SPAN:
            t = 2 * SPAN - t - 1
        t = int(t)
        if t % 86400 < 7 * 3600 and rnd() < 0.85 and t + 8 * 3600 < SPAN:
            t += 8 * 3600                   # few stories go out before 7 a.m.
        day, sec = divmod(t, 86400)
        dd = days.get(day)
        if dd is None:
            d = start_day + timedelta(days=day)
            dd = days[day] = (d, d.isoformat())
        date, date_s = dd
        year = date.year
        covid_ok = day >= covid_day

        column = pick(col_table)
        pl = pick(g.places)
        prov = pl["prov"]
        pool = g.sentence_pool(year, covid_ok)
        kind = "news"
        extra_tail = None

        if column == "一周动态":
            kind = "digest"
            mon = date - timedelta(days=date.weekday() + 7)
            sun = mon + timedelta(days=6)
            title = "社会工作一周动态 (%d.%d-%d.%d)" % (mon.month, mon.day, sun.month, sun.day)
            lead = corpus.digest_intro
            paras = g._paragraphs(pool, g._layout(npar=3 + int(rnd() * 3)))
            paras[1:] = [h + p for h, p in zip(DIGEST_HEADS, paras[1:])]
            source = "社工中国网"
        else:
            if column == "通知公告" or (column == "行业动态" and rnd() < 0.02):
                title = g._notice_title(pl)
                kind = "notice"
                if title.endswith("公示"):
                    d2 = date + timedelta(days=pick((5, 7, 7, 10, 15)))
                    extra_tail = ("公示期为%d年%d月%d日至%d年%d月%d日。公示期间，如有异议，"
                                  "请以书面形式向%s反映。" % (date.year, date.month, date.day,
                                                          d2.year, d2.month, d2.day, prov["org"]))
                else:
                    extra_tail = "特此通知。"
            elif column == "政策法规":
                x = rnd()
                if x < 0.1:
                    doc = g._doc_name(pick(corpus.policy_docs), pl)
                    if not covid_ok and ("疫情" in doc or "新冠" in doc):
                        doc = ""
                    title = "一图读懂|" + (doc if pl["local"] in doc else
                                          prov["short"] + "社会组织信用信息管理问答")
                    if shown_len(title) > 40:
                        title = "一图读懂|%s社会组织信用信息管理问答" % prov["short"]
                    kind = "infographic"
                elif x < 0.87:
                    title = g._policy_title(pl, covid_ok)
                    kind = "policy"
                else:
                    title = g._news_title(pl, covid_ok)
            elif column == "理论研究":
                title = g._theory_title(pl, covid_ok)
            else:
                x = rnd()
                if x < 0.01:
                    title = "一图读懂|%s%s年社会工作发展数据" % (pl["name"], year - 1)
                    kind = "infographic"
                elif x < 0.015:
                    title = "%s社会工作服务中心%s纪实(%s)" % (
                        pl["local"], pick(("抗洪", "助老", "禁毒", "关爱留守儿童")
                                          + (("抗疫",) if covid_ok else ())),
                        CN_NUM[int(rnd() * 10)])
                elif x < 0.02:
                    title = "社工中国网整理：%s各地社会工作服务机构%s进行时" % (
                        prov["short"], pick(("防汛救灾", "乡村振兴", "社工站建设")
                                            + (("疫情防控",) if covid_ok else ())))
                else:
                    title = g._news_title(pl, covid_ok)
            lead = fill_years(g._lead(pl, date, covid_ok), year)
            paras = g._paragraphs(pool)
            if extra_tail:
                paras[-1] += extra_tail.encode()
            source = pick(src_table)
            if source == "省民政厅":
                source = prov["org"]
            elif column == "联合会动态" and rnd() < 0.5:
                source = "中国社会工作联合会"

        title = fill_years(title, year)
        summary = "" if rnd() < 0.3 else lead            # the lead is the first sentence
        tags = sorted({TAG_OF[w] for w in TAG_RE.findall(title + lead)},
                      key=TAG_ORDER.__getitem__)
        k = (0, 1, 1, 2, 2, 3, 3)[int(rnd() * 7)]
        if len(tags) > k:
            s0 = int(rnd() * len(tags))
            tags = (tags[s0:] + tags[:s0])[:k]
        people = ""
        if rnd() < 0.75:
            people += ', "author": "%s"' % g._name()
        if rnd() < 0.6:
            people += ', "editor": "%s"' % g._name()
        paras[0] = lead.encode() + paras[0]
        hh, rest = divmod(sec, 3600)
        yield b"".join((
            (HEAD % (start_id + i, column, title, summary)).encode(),
            PARA_BREAK.join(paras),
            (TAIL % (date_s, hh, rest // 60, rest % 60, source, prov["short"], people,
                     '", "'.join(tags).join(('["', '"]')) if tags else "[]",
                     kind, "true" if rnd() < 0.0005 and featured else "false")).encode()))


if __name__ == "__main__":
    main()
