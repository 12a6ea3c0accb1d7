/*
 * Autosave for drafts: every 30 seconds (the form's data-autosave-interval, in milliseconds), if the editor form changed since the last save, post it (with its CSRF
 * token) to the form's data-autosave address. The server stores a revision flagged as autosave and answers with
 * its number, which becomes the form's base so the next manual save does not see a conflict. Without
 * JavaScript, or on articles in review, nothing happens and the save button works as always.
 */
(function () {
  'use strict';

  function start() {
    var form = document.querySelector('form[data-autosave]');
    if (!form || !window.fetch || !window.FormData || !window.URLSearchParams) {
      return;
    }
    var status = document.getElementById('autosave-status');
    var base = form.querySelector('input[name="base"]');
    var interval = Math.max(1000, parseInt(form.getAttribute('data-autosave-interval'), 10) || 30000);
    // Only what the person changed counts: comparing serialised forms would also see the rich-text editor
    // reformatting the body when it starts, and save a revision nobody wrote.
    // Scripts are deferred: on a slow connection a person can type before this runs, and those keystrokes fired
    // no input event here, so compare the fields a person types in or ticks with what the server sent.
    var changed = editedBeforeStart(form);
    var busy = false;
    var stopped = false;
    var timer = window.setInterval(tick, interval);
    form.addEventListener('input', function () { changed = true; });
    form.addEventListener('change', function () { changed = true; });
    // Any form sent (save, submit, publish…) leaves the page: no autosave may overtake it.
    document.addEventListener('submit', stop, true);

    function stop() {
      stopped = true;
      window.clearInterval(timer);
    }

    function say(text) {
      if (status) {
        status.textContent = text;
      }
    }

    function editorChanged() {
      var editor = window.tinymce && window.tinymce.get && window.tinymce.get('body');
      return !!(editor && editor.initialized && editor.isDirty());
    }

    function tick() {
      if (busy || stopped || !(changed || editorChanged())) {
        return;
      }
      var editor = window.tinymce && window.tinymce.get && window.tinymce.get('body');
      if (editor && editor.initialized) {
        editor.save();
        editor.setDirty(false);
      }
      changed = false;
      busy = true;
      window.fetch(form.getAttribute('data-autosave'), {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded;charset=UTF-8', 'Accept': 'application/json' },
        body: serialise(form)
      }).then(function (response) {
        return response.json().then(function (data) {
          if (stopped) {
            return;
          }
          if (response.ok && data.revision) {
            base.value = String(data.revision);
            var now = new Date();
            say('已自动保存为第 ' + data.revision + ' 版（' + pad(now.getHours()) + ':' + pad(now.getMinutes()) + '）');
          } else {
            stop();
            say('自动保存已停止：' + (data.error || '请手动保存'));
          }
        });
      }).catch(function () {
        changed = true; // try again at the next tick
        say('自动保存暂时失败，稍后重试；也可以手动保存');
      }).then(function () {
        busy = false;
      });
    }
  }

  // Only fields a person types in or ticks: a browser rewrites some values it was sent (a date-time loses ":00"
  // seconds, a select with nothing marked selects its first option), which would count as a change nobody made.
  var TYPED = { text: true, search: true, url: true, email: true, tel: true, textarea: true };

  function editedBeforeStart(form) {
    return Array.prototype.some.call(form.elements, function (field) {
      if (field.type === 'checkbox' || field.type === 'radio') {
        return field.checked !== field.defaultChecked;
      }
      return TYPED[field.type] === true && field.value !== field.defaultValue;
    });
  }

  function serialise(form) {
    return new URLSearchParams(new FormData(form)).toString();
  }

  function pad(n) {
    return n < 10 ? '0' + n : String(n);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
}());
