/*
 * Chinese labels for Swagger UI 5 (the API documentation at /swagger-ui/index.html).
 * Swagger UI has no language packs, so its fixed English labels are replaced as React renders them: text nodes
 * whose whole (trimmed) text is a known label, and the title / aria-label / placeholder attributes. Text that comes
 * from the API description (already Chinese) and code identifiers (paths, JSON types, media types) are left alone.
 * SwaggerUiChineseTest fails on any of these labels left in English after a full "try it out".
 */
(function () {
  'use strict';
  var labels = {
    'Explore': '浏览',
    'Skip to operations': '跳到接口列表',
    'Servers': '服务器',
    'Authorize': '授权',
    'Authorized': '已授权',
    'Available authorizations': '可用的授权方式',
    'Logout': '退出',
    'Close': '关闭',
    'Value:': '值：',
    'Value': '值',
    'Schemas': '数据结构',
    'Parameters': '参数',
    'No parameters': '无参数',
    'Try it out': '试一试',
    'Cancel': '取消',
    'Execute': '执行',
    'Clear': '清除',
    'Reset': '重置',
    'Name': '名称',
    'Description': '说明',
    'Responses': '响应',
    'Response': '响应',
    'Code': '状态码',
    'Links': '链接',
    'No links': '无链接',
    'Media type': '媒体类型',
    'Controls Accept header.': '决定请求的 Accept 头。',
    // "Controls <code>Accept</code> header." arrives as three text nodes
    'Controls': '决定请求的',
    'header.': '头。',
    'Media Type': '媒体类型',
    'Copy cURL command to clipboard': '复制 curl 命令',
    'Copy code to clipboard': '复制代码',
    'Example Value': '示例值',
    'Schema': '结构',
    'Request body': '请求体',
    'required': '必填',
    'Default value': '默认值',
    'Available values': '可选值',
    'Send empty value': '发送空值',
    'Add item': '添加一项',
    'Add string item': '添加一项',
    'Add integer item': '添加一项',
    'Remove item': '删除此项',
    'Curl': 'curl 命令',
    'Request URL': '请求地址',
    'Server response': '服务器响应',
    'Response body': '响应体',
    'Response headers': '响应头',
    'Download': '下载',
    'Details': '详情',
    'Undocumented': '未在文档中说明',
    'Loading...': '加载中…',
    'Failed to fetch.': '请求失败。',
    'Possible Reasons:': '可能的原因：',
    'CORS': '跨域（CORS）限制',
    'Network Failure': '网络故障',
    'URL scheme must be "http" or "https" for CORS request.': '跨域请求的地址须以 http 或 https 开头。',
    'Request duration': '请求耗时',
    'Duration': '耗时',
    'Filter by tag': '按分组筛选',
    'Deprecated': '已弃用',
    'deprecated': '已弃用',
    'Example Description': '示例说明',
    'Examples': '示例',
    'Examples:': '示例：',
    'Example': '示例',
    'Extensions': '扩展',
    'Expand all': '全部展开',
    'Collapse all': '全部折叠',
    'Expand operation': '展开接口',
    'Collapse operation': '折叠接口',
    'Copy path to clipboard': '复制路径',
    'Copy to clipboard': '复制到剪贴板',
    'Switch to dark mode': '切换到深色模式',
    'Switch to light mode': '切换到浅色模式',
    'Parameter content type': '参数内容类型',
    'Response content type': '响应内容类型',
    'Request example': '请求示例',
    'Show/Hide': '显示/隐藏',
    'Hide': '隐藏',
    'Show': '显示',
    'Terms of service': '服务条款',
    'Contact the developer': '联系开发者',
    'Find out more': '了解更多',
    'Scopes are used to grant an application different levels of access to data on behalf of the end user. Each API may declare one or more scopes.':
      '作用域决定应用代表用户访问数据的范围；每个接口可以声明一个或多个作用域。',
    'API requires the following scopes. Select which ones you want to grant to Swagger UI.': '接口需要以下作用域，请选择授予的作用域。',
    'Errors': '错误',
    'Hide Errors': '隐藏错误',
    'Could not render this component, see the console.': '无法显示此部分，请查看浏览器控制台。',
    'No operations defined in spec!': '描述中没有定义接口。',
    'Unable to render this definition': '无法显示此接口描述',
    'Provided definition does not specify a valid version field.': '接口描述缺少有效的版本字段。',
    'Failed to load API definition.': '接口描述加载失败。',
    'Fetch error': '获取失败',
    'Download URL': '下载地址',
    'Select a definition': '选择接口描述',
    'Parameter': '参数',
    'Type': '类型',
    'Headers:': '头：',
    'Headers': '头',
    'Response Headers': '响应头',
    'Model': '模型',
    'Models': '数据结构',
    'View More': '查看更多',
    'Show more': '显示更多',
    'Show less': '收起'
  };
  var attributes = ['title', 'aria-label', 'placeholder', 'value'];

  function translateText(node) {
    var text = node.nodeValue;
    var key = text.trim();
    if (key && Object.prototype.hasOwnProperty.call(labels, key)) {
      node.nodeValue = text.replace(key, labels[key]);
    }
  }

  function translateAttributes(element) {
    for (var i = 0; i < attributes.length; i++) {
      var name = attributes[i];
      if (name === 'value' && !(element.tagName === 'INPUT' && (element.type === 'button' || element.type === 'submit'))) {
        continue;
      }
      var value = element.getAttribute(name);
      if (value && Object.prototype.hasOwnProperty.call(labels, value.trim())) {
        element.setAttribute(name, labels[value.trim()]);
      }
    }
  }

  function translate(root) {
    if (root.nodeType === Node.TEXT_NODE) {
      translateText(root);
      return;
    }
    if (root.nodeType !== Node.ELEMENT_NODE) {
      return;
    }
    if (root.closest && root.closest('pre, code, textarea, .microlight, .renderedMarkdown')) {
      return;
    }
    translateAttributes(root);
    var walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT, {
      acceptNode: function (node) {
        if (node.nodeType === Node.ELEMENT_NODE && node.matches('pre, code, textarea, .microlight, .renderedMarkdown')) {
          return NodeFilter.FILTER_REJECT;
        }
        return NodeFilter.FILTER_ACCEPT;
      }
    });
    var node;
    while ((node = walker.nextNode())) {
      if (node.nodeType === Node.TEXT_NODE) {
        translateText(node);
      } else {
        translateAttributes(node);
      }
    }
  }

  function start() {
    translate(document.body);
    new MutationObserver(function (mutations) {
      for (var i = 0; i < mutations.length; i++) {
        var m = mutations[i];
        if (m.type === 'characterData') {
          translateText(m.target);
        } else if (m.type === 'attributes') {
          translateAttributes(m.target);
        } else {
          for (var j = 0; j < m.addedNodes.length; j++) {
            translate(m.addedNodes[j]);
          }
        }
      }
    }).observe(document.body, {childList: true, subtree: true, characterData: true, attributes: true,
      attributeFilter: attributes});
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
