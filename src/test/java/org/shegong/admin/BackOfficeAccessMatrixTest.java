package org.shegong.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shegong.account.AccountService;
import org.shegong.account.ColumnGrant;
import org.shegong.account.Permission;
import org.shegong.account.Requires;
import org.shegong.account.Role;
import org.shegong.account.RouteAuthorization;
import org.shegong.column.ColumnService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Role × grant × route: every back-office route of the application, found through the handler mapping (so a
 * new page is covered the day it is added), asked by every kind of staff member. The expected table of who
 * holds which permission is written out by hand: a change of rule must change it.
 */
@SpringBootTest(properties = {"spring.datasource.url=jdbc:h2:mem:accessmatrix;DB_CLOSE_DELAY=-1",
        "shegong.workflow.schedule-initial-delay=1h"})
@AutoConfigureMockMvc
class BackOfficeAccessMatrixTest {

    static final String PASSWORD = "pass-word-12345";

    /** The people, in the order of the table's letters. */
    private static final List<String> PEOPLE = List.of("administrator", "chief editor", "reviewer", "editor",
            "contributor", "chief editor elsewhere", "no grants");

    private static final Map<Permission, String> EXPECTED = new LinkedHashMap<>();

    static {
        EXPECTED.put(Permission.ANYONE,          "YYYYYYY");
        EXPECTED.put(Permission.STAFF,           "YYYYYYY");
        EXPECTED.put(Permission.ARTICLES,        "YYYYYYN");
        EXPECTED.put(Permission.DIGESTS,         "YYYYNYN");
        EXPECTED.put(Permission.NEWSLETTER,      "YYNNNYN");
        EXPECTED.put(Permission.COLUMNS,         "YNNNNNN");
        EXPECTED.put(Permission.USERS,           "YNNNNNN");
        EXPECTED.put(Permission.AUDIT,           "YNNNNNN");
        EXPECTED.put(Permission.SENSITIVE_WORDS, "YNNNNNN");
        EXPECTED.put(Permission.SEARCH_INDEX,    "YNNNNNN");
        EXPECTED.put(Permission.MEDIA,           "YYYYYYN");
        EXPECTED.put(Permission.INTERACT,        "YYYYNYN");
        EXPECTED.put(Permission.SLOTS,           "YYNNNYN");
        EXPECTED.put(Permission.SEARCH_VOCABULARY, "YYNNNYN");
        EXPECTED.put(Permission.SITE_PAGES,      "YNNNNNN");
        EXPECTED.put(Permission.DUPLICATES,      "YNNNNNN");
    }

    @Autowired MockMvc mvc;
    @Autowired AccountService accounts;
    @Autowired ColumnService columns;
    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;

    final Map<String, MockHttpSession> sessions = new LinkedHashMap<>();

    @BeforeEach
    void people() throws Exception {
        long news = columns.bySlug("news").orElseThrow().id();
        long policy = columns.bySlug("policy").orElseThrow().id();
        // 一周动态 is edited by the editors of its own column: everyone with a role holds it there too.
        long weekly = columns.bySlug("weekly").orElseThrow().id();
        String suffix = String.valueOf(System.nanoTime() % 100_000_000);
        sessions.put("administrator", login("adm" + suffix, true, List.of()));
        sessions.put("chief editor", login("chf" + suffix, false, grants(Role.CHIEF_EDITOR, news, weekly)));
        sessions.put("reviewer", login("rev" + suffix, false, grants(Role.REVIEWER, news, weekly)));
        sessions.put("editor", login("edt" + suffix, false, grants(Role.EDITOR, news, weekly)));
        sessions.put("contributor", login("ctb" + suffix, false, grants(Role.CONTRIBUTOR, news, weekly)));
        sessions.put("chief editor elsewhere", login("chx" + suffix, false, grants(Role.CHIEF_EDITOR, policy, weekly)));
        sessions.put("no grants", login("non" + suffix, false, List.of()));
    }

    private static List<ColumnGrant> grants(Role role, long... columnIds) {
        return java.util.Arrays.stream(columnIds).mapToObj(c -> new ColumnGrant(c, role)).toList();
    }

    private MockHttpSession login(String username, boolean administrator, List<ColumnGrant> grants) throws Exception {
        accounts.create(username, "用户" + username, PASSWORD, administrator, grants);
        return new AdminPages(mvc).login(username, PASSWORD);
    }

    /** Every back-office handler: its method, a concrete URL for each of its patterns, and what it declares. */
    private record Route(RequestMethod method, String url, Permission needs, String handler) {
    }

    private List<Route> routes() {
        List<Route> routes = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mappings.getHandlerMethods().entrySet()) {
            for (String pattern : entry.getKey().getPatternValues()) {
                if (!pattern.startsWith("/admin")) {
                    continue;
                }
                Requires requires = RouteAuthorization.declared(entry.getValue());
                Set<RequestMethod> methods = entry.getKey().getMethodsCondition().getMethods();
                for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                    routes.add(new Route(method, concrete(pattern), requires == null ? null : requires.value(),
                            entry.getValue().toString()));
                }
            }
        }
        return routes;
    }

    /** A pattern with its variables filled: an id nobody has, or the first choice of a {name:a|b} variable. */
    static String concrete(String pattern) {
        StringBuilder url = new StringBuilder();
        int at = 0;
        while (true) {
            int open = pattern.indexOf('{', at);
            if (open < 0) {
                return url.append(pattern.substring(at)).toString();
            }
            int close = pattern.indexOf('}', open);
            url.append(pattern, at, open);
            String variable = pattern.substring(open + 1, close);
            int colon = variable.indexOf(':');
            url.append(colon < 0 ? "987654321" : variable.substring(colon + 1).split("\\|")[0]);
            at = close + 1;
        }
    }

    @Test
    void everyBackOfficeRouteDeclaresWhatItNeeds() {
        List<Route> routes = routes();
        assertThat(routes).as("the back office has routes").hasSizeGreaterThan(40);
        assertThat(routes).filteredOn(r -> r.needs() == null).as("routes that declare nothing").isEmpty();
        assertThat(routes).filteredOn(r -> r.needs() == Permission.ANYONE).extracting(Route::url)
                .as("only the login page is open").containsOnly("/admin/login");
    }

    @Test
    void everyPersonReachesExactlyTheRoutesTheTableGivesThem() throws Exception {
        assertThat(EXPECTED.keySet()).containsExactlyInAnyOrder(Permission.values());
        List<String> mismatches = new ArrayList<>();
        int asked = 0;
        for (Route route : routes()) {
            String letters = EXPECTED.get(route.needs());
            for (int p = 0; p < PEOPLE.size(); p++) {
                boolean allowed = letters.charAt(p) == 'Y';
                String refusal = "您没有" + route.needs().label() + "的权限";
                if (allowed && (route.method() != RequestMethod.GET || route.url().contains("987654321")
                        || route.url().equals("/admin/login"))) {
                    continue; // a permitted change is not made here; the feature tests make it
                }
                MockHttpSession session = sessions.get(PEOPLE.get(p));
                MvcResult result = mvc.perform(route.method() == RequestMethod.GET
                        ? get(route.url()).session(session)
                        : post(route.url()).session(session).with(csrf())).andReturn();
                asked++;
                int status = result.getResponse().getStatus();
                String body = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
                boolean refused = status == 403 && body.contains(refusal);
                if (allowed ? status != 200 : !refused) {
                    mismatches.add(route.method() + " " + route.url() + " by " + PEOPLE.get(p) + ": " + status);
                }
            }
        }
        assertThat(asked).isGreaterThan(100);
        assertThat(mismatches).isEmpty();
    }
}
