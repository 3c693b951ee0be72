/*
 * Filters for the timeline, in the browser: by country, type and year. The page carries the
 * controls (hidden until this script runs: without it the whole timeline shows) and each card
 * says what it is about (data-countries="qa sy" data-type="visit" data-year="2025"). The choice
 * is kept in the address (?country=sy&type=visit&year=2025), so a filtered timeline can be
 * shared, and opening that address restores it. Months and years left empty are hidden, and
 * the page says how many records are shown.
 */
(function () {
  'use strict';

  var form = document.getElementById('timeline-filters');
  var status = document.getElementById('filter-status');
  if (!form || !status) {
    return;
  }
  var FIELDS = ['country', 'type', 'year'];
  var lang = document.documentElement.lang;
  var text = JSON.parse(form.getAttribute('data-text'));
  var cards = [].slice.call(document.querySelectorAll('.timeline .card'));
  var months = [].slice.call(document.querySelectorAll('.timeline .month'));
  var years = [].slice.call(document.querySelectorAll('.timeline .year'));
  var switchLink = document.querySelector('a.lang-switch');
  var switchHref = switchLink ? switchLink.getAttribute('href') : null;

  years.forEach(function (year) {
    var countText = year.querySelector('.year-heading .count');
    if (countText) {
      year.setAttribute('data-count-text', countText.textContent);
    }
  });

  function select(name) {
    return form.elements.namedItem(name);
  }

  function count(n) {
    var forms = text.counts;
    var form = forms[new Intl.PluralRules(lang).select(n)] || forms.other;
    return form.replace('{n}', digits(n));
  }

  function digits(n) {
    return String(n).replace(/[0-9]/g, function (d) { return text.digits.charAt(Number(d)); });
  }

  /** The filters in the address, each kept only when the page offers that value. */
  function fromAddress() {
    var params = new URLSearchParams(location.search);
    FIELDS.forEach(function (name) {
      var wanted = params.get(name) || '';
      var control = select(name);
      var offered = [].some.call(control.options, function (o) { return o.value === wanted; });
      control.value = offered ? wanted : '';
    });
  }

  function toAddress() {
    var params = new URLSearchParams(location.search);
    FIELDS.forEach(function (name) {
      var value = select(name).value;
      if (value) {
        params.set(name, value);
      } else {
        params.delete(name);
      }
    });
    var query = params.toString() ? '?' + params.toString() : '';
    try {
      history.replaceState(null, '', location.pathname + query + location.hash);
    } catch (e) {
      // some browsers refuse to change a file:// address; the filters still work
    }
    if (switchLink) {
      switchLink.setAttribute('href', switchHref + query);
    }
  }

  function apply() {
    var country = select('country').value;
    var type = select('type').value;
    var year = select('year').value;
    var filtered = Boolean(country || type || year);
    var shown = 0;
    cards.forEach(function (card) {
      var match = (!country || (card.getAttribute('data-countries') || '').split(' ').indexOf(country) >= 0)
        && (!type || card.getAttribute('data-type') === type)
        && (!year || card.getAttribute('data-year') === year);
      card.hidden = !match;
      if (match) {
        shown++;
      }
    });
    months.forEach(function (month) {
      month.hidden = !month.querySelector('.card:not([hidden])');
    });
    years.forEach(function (section) {
      var visible = section.querySelectorAll('.card:not([hidden])').length;
      section.hidden = visible === 0;
      var countText = section.querySelector('.year-heading .count');
      if (countText) {
        countText.textContent = filtered ? count(visible) : section.getAttribute('data-count-text');
      }
      var entry = document.querySelector('.year-index a[href="#' + section.id + '"]');
      if (entry && entry.parentNode) {
        entry.parentNode.hidden = visible === 0;
      }
    });
    status.textContent = !filtered ? ''
      : shown === 0 ? text.none
        : text.showing.replace('{shown}', count(shown)).replace('{total}', digits(cards.length));
  }

  form.addEventListener('change', function () {
    apply();
    toAddress();
  });
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    apply();
    toAddress();
  });
  var clear = document.getElementById('filter-clear');
  if (clear) {
    clear.addEventListener('click', function () {
      FIELDS.forEach(function (name) { select(name).value = ''; });
      apply();
      toAddress();
    });
  }

  fromAddress();
  form.hidden = false;
  apply();
  toAddress();
})();
