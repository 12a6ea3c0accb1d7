/*
 * Turns the body textarea into a TinyMCE editor when JavaScript runs; without it the textarea works as is.
 * Pasted HTML (Word, web pages) keeps its structure here; on save the server's allow-list keeps headings, lists,
 * tables, images, links and emphasis and drops the rest (classes, styles, fonts, scripts), so the editor does
 * not filter twice with rules that could drift apart.
 */
(function () {
  'use strict';
  function start() {
    var body = document.getElementById('body');
    if (!body || !window.tinymce) {
      return;
    }
    window.tinymce.init({
      target: body,
      base_url: body.getAttribute('data-editor-base'),
      suffix: '.min',
      menubar: false,
      branding: false,
      promotion: false,
      statusbar: true,
      height: 560,
      plugins: 'lists link image table autolink',
      toolbar: 'undo redo | blocks | bold italic underline strikethrough subscript superscript | ' +
        'bullist numlist blockquote | link image table | removeformat',
      block_formats: '段落=p; 标题二=h2; 标题三=h3; 标题四=h4',
      paste_data_images: false,
      paste_webkit_styles: 'none',
      paste_remove_styles_if_webkit: true,
      convert_urls: false,
      table_default_styles: {},
      table_default_attributes: {},
      object_resizing: false,
      link_default_protocol: 'https',
      content_css: '/css/editor-content.css'
    });
  }
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
}());
