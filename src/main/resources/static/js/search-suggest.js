// Autocomplete for the search boxes: fills the shared <datalist> with sector terms and titles from
// /search/suggest as the reader types. Without JavaScript the plain form works the same.
(function () {
  'use strict';
  var list = document.getElementById('search-suggestions');
  if (!list || !window.fetch) {
    return;
  }
  var timer = null;
  var last = '';
  function fill(suggestions) {
    while (list.firstChild) {
      list.removeChild(list.firstChild);
    }
    suggestions.forEach(function (s) {
      var option = document.createElement('option');
      option.value = s.text;
      list.appendChild(option);
    });
  }
  function lookup(value) {
    if (value === last) {
      return;
    }
    last = value;
    if (!value) {
      fill([]);
      return;
    }
    fetch('/search/suggest?q=' + encodeURIComponent(value), { headers: { Accept: 'application/json' } })
      .then(function (r) { return r.ok ? r.json() : { suggestions: [] }; })
      .then(function (data) { if (value === last) { fill(data.suggestions || []); } })
      .catch(function () { fill([]); });
  }
  document.querySelectorAll('input[data-suggest]').forEach(function (input) {
    input.addEventListener('input', function () {
      clearTimeout(timer);
      var value = input.value.trim().slice(0, 30);
      timer = setTimeout(function () { lookup(value); }, 150);
    });
  });
}());
