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
    var uploadUrl = body.getAttribute('data-upload-url');
    wireAttachmentForm(uploadUrl);
    window.tinymce.init({
      target: body,
      base_url: body.getAttribute('data-editor-base'),
      suffix: '.min',
      menubar: false,
      branding: false,
      promotion: false,
      // TinyMCE 6's status bar (element path, resize handle) carries ARIA attributes its roles do not allow (axe).
      statusbar: false,
      height: 560,
      language: 'zh-Hans',
      language_url: body.getAttribute('data-editor-language'),
      plugins: 'lists link image table autolink',
      toolbar: 'undo redo | blocks | bold italic underline strikethrough subscript superscript | ' +
        'bullist numlist blockquote | link image table | removeformat',
      block_formats: '段落=p; 标题二=h2; 标题三=h3; 标题四=h4',
      // Pasted, dropped and chosen images are uploaded to the media library; the body keeps /media/ addresses.
      paste_data_images: Boolean(uploadUrl),
      automatic_uploads: true,
      images_file_types: 'jpeg,jpg,png,gif,webp',
      images_upload_handler: uploadUrl ? uploadImage : undefined,
      image_uploadtab: Boolean(uploadUrl),
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
  function csrf() {
    var input = document.querySelector('input[name="_csrf"]');
    return input ? input.value : '';
  }

  /** Sends one file to the media library; resolves to its answer or rejects with the server's Chinese message. */
  function send(url, file, name) {
    var data = new FormData();
    data.append('file', file, name);
    return fetch(url, {
      method: 'POST', body: data, credentials: 'same-origin',
      headers: {'Accept': 'application/json', 'X-CSRF-TOKEN': csrf()}
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (json) {
        if (!response.ok || !json.location) {
          throw new Error((json.error && json.error.message) || ('上传失败（' + response.status + '）'));
        }
        return json;
      });
    });
  }

  function uploadImage(blobInfo) {
    var url = document.getElementById('body').getAttribute('data-upload-url');
    return send(url, blobInfo.blob(), blobInfo.filename()).then(function (json) {
      return json.location;
    }).catch(function (error) {
      return Promise.reject({message: error.message, remove: true});
    });
  }

  /** With JavaScript the attachment form uploads in place and inserts a link; without it, it posts normally. */
  function wireAttachmentForm(uploadUrl) {
    var form = document.getElementById('attachment-form');
    if (!form || !uploadUrl) {
      return;
    }
    var status = document.getElementById('attachment-status');
    form.addEventListener('submit', function (event) {
      var input = form.querySelector('input[type="file"]');
      if (!input.files.length || !window.tinymce || !window.tinymce.activeEditor) {
        return;
      }
      event.preventDefault();
      var file = input.files[0];
      status.textContent = '正在上传……';
      send(uploadUrl, file, file.name).then(function (json) {
        var editor = window.tinymce.activeEditor;
        var link = editor.dom.createHTML('a', {href: json.location}, editor.dom.encode(json.name));
        editor.insertContent('<p>附件：' + link + '</p>');
        status.textContent = '已插入附件：' + json.name;
        input.value = '';
      }).catch(function (error) {
        status.textContent = error.message;
      });
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
}());
