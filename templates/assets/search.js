/*
 * Search, offline and in pieces. The search page of each language loads the analysis table
 * (assets/search-analysis.js), the index's manifest ({lang}/search/index.js) and this file;
 * a query then loads only the shards of the index that hold its terms
 * ({lang}/search/terms/{k}.js) and the result data of the records it shows
 * ({lang}/search/records/{k}.js), as scripts, so it works from a site opened from disk.
 *
 * Words are read by the table the build read the records with (window.briefingAnalysis, see
 * SearchAnalysis.java): the same normalisation, folding and stemming, so the two agree.
 * Every query word is required; title and summary words weigh more; among equals, newer
 * first. Filters (country, type, year, status) are terms of the same index. The query and
 * filters live in the address (?q=&country=&type=&year=&status=), so a search can be shared.
 *
 * window.briefingSearch exposes analyze() and search() for the tests.
 */
(function () {
  'use strict';

  // ---- word analysis: the table's rules, applied as SearchAnalysis.java applies them -------

  var table = window.briefingAnalysis;
  var drop = {};
  var fold = {};
  Array.from(table.drop).forEach(function (c) { drop[c] = true; });
  Object.keys(table.fold).forEach(function (c) { fold[c] = table.fold[c]; });
  var WORD = /[\p{L}\p{N}]+/gu;

  function length(s) {
    return Array.from(s).length;
  }

  function stem(word) {
    var first = word.codePointAt(0);
    for (var i = 0; i < table.stemmers.length; i++) {
      var s = table.stemmers[i];
      if (first >= s.from && first <= s.to) {
        var w = word;
        s.steps.forEach(function (step) {
          for (var j = 0; j < step.length; j++) {
            var r = step[j];
            if (r.keep && r.keep.indexOf(w) >= 0) {
              continue;
            }
            var min = r.min === undefined ? 1 : r.min;
            if (r.prefix && w.startsWith(r.prefix) && length(w) - length(r.prefix) >= min) {
              w = w.slice(r.prefix.length);
              return;
            }
            var to = r.to || '';
            if (r.suffix && w.endsWith(r.suffix)
                && length(w) - length(r.suffix) + length(to) >= min) {
              w = w.slice(0, w.length - r.suffix.length) + to;
              return;
            }
          }
        });
        return w;
      }
    }
    return word;
  }

  /** The terms of a text, in order, repeats kept. */
  function analyze(text) {
    var folded = '';
    Array.from(text.normalize('NFKC').toLowerCase()).forEach(function (c) {
      if (!drop[c]) {
        folded += fold[c] !== undefined ? fold[c] : c;
      }
    });
    return (folded.match(WORD) || []).map(stem);
  }

  // ---- loading the pieces ------------------------------------------------------------------

  var manifest = window.briefingSearchIndex;
  var base = (document.getElementById('search-results') || {}).getAttribute
    ? document.getElementById('search-results').getAttribute('data-index') || '' : '';
  var shards = { terms: {}, records: {} };
  var waiting = { terms: {}, records: {} };

  /** Called by each shard script as it loads. */
  window.briefingSearchShard = function (kind, k, data) {
    shards[kind][k] = data;
    (waiting[kind][k] || []).forEach(function (w) { w.resolve(data); });
    delete waiting[kind][k];
  };

  function load(kind, k) {
    if (shards[kind][k] !== undefined) {
      return Promise.resolve(shards[kind][k]);
    }
    return new Promise(function (resolve, reject) {
      var first = !waiting[kind][k];
      (waiting[kind][k] = waiting[kind][k] || []).push({ resolve: resolve, reject: reject });
      if (first) {
        var script = document.createElement('script');
        script.src = base + kind + '/' + k + '.js';
        script.onerror = function () {
          (waiting[kind][k] || []).forEach(function (w) { w.reject(new Error(script.src)); });
          delete waiting[kind][k];
        };
        document.head.appendChild(script);
      }
    });
  }

  /**
   * The shard of a term: where the manifest placed it, if it is a common word the build placed
   * away from its hash's shard (TermPlaces.java); else its Java String.hashCode, unsigned, modulo
   * the shard count.
   */
  function shardOf(term) {
    var placed = manifest.placed || {};
    if (Object.prototype.hasOwnProperty.call(placed, term)) {
      return placed[term];
    }
    var h = 0;
    for (var i = 0; i < term.length; i++) {
      h = (Math.imul(h, 31) + term.charCodeAt(i)) | 0;
    }
    return (h >>> 0) % manifest.termShards;
  }

  // A term's postings as PostingsCode.java writes them: numbers in base 32, the last digit of
  // each from LAST, any digit before it from MORE; a posting is the gap to the previous record
  // number, doubled, plus 1 when a weight other than the usual one follows.
  var LAST = '0123456789abcdefghijklmnopqrstuv';
  var MORE = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ+-./:;';
  var digit = {};
  Array.from(LAST).forEach(function (c, i) { digit[c] = i; });
  Array.from(MORE).forEach(function (c, i) { digit[c] = 32 + i; });

  function decode(term, code) {
    var usual = term.indexOf(':') >= 0 ? 0 : 1;
    var out = new Map();
    var i = 0;
    function number() {
      var v = 0;
      for (;;) {
        var d = digit[code.charAt(i++)];
        v = v * 32 + (d & 31);
        if (d < 32) {
          return v;
        }
      }
    }
    var n = 0;
    while (i < code.length) {
      var gap = number();
      n += gap >> 1;
      out.set(n, gap & 1 ? number() : usual);
    }
    return out;
  }

  /** Record numbers (oldest first = 0) with their weight, for one term. */
  function postings(term) {
    return load('terms', shardOf(term)).then(function (shard) {
      return decode(term, Object.prototype.hasOwnProperty.call(shard, term) ? shard[term] : '');
    });
  }

  var FILTERS = ['country', 'type', 'year', 'status'];

  /** The record numbers matching the query and filters, best first. */
  function find(query, filters) {
    var words = Array.from(new Set(analyze(query)));
    var terms = words.concat(FILTERS.filter(function (f) { return filters[f]; })
      .map(function (f) { return f + ':' + filters[f]; }));
    if (terms.length === 0 || !manifest) {
      return Promise.resolve({ numbers: [], words: words });
    }
    return Promise.all(terms.map(postings)).then(function (lists) {
      lists.sort(function (a, b) { return a.size - b.size; });
      var scored = [];
      lists[0].forEach(function (w, n) {
        var score = w;
        for (var i = 1; i < lists.length; i++) {
          if (!lists[i].has(n)) {
            return;
          }
          score += lists[i].get(n);
        }
        scored.push([n, score]);
      });
      // best first; among equals, newest (highest number) first, as on the timeline
      scored.sort(function (a, b) { return b[1] - a[1] || b[0] - a[0]; });
      return { numbers: scored.map(function (s) { return s[0]; }), words: words };
    });
  }

  /** The result data of the given record numbers, in their order. */
  function records(numbers) {
    var per = manifest.recordsPerShard;
    var needed = Array.from(new Set(numbers.map(function (n) { return Math.floor(n / per); })));
    return Promise.all(needed.map(function (k) { return load('records', k); })).then(function () {
      return numbers.map(function (n) { return shards.records[Math.floor(n / per)][n % per]; });
    });
  }

  window.briefingSearch = {
    analyze: analyze,
    /** The ids of every matching record, best first (loads all their data: for tests). */
    search: function (query, filters) {
      return find(query, filters || {}).then(function (found) { return records(found.numbers); })
        .then(function (rs) { return rs.map(function (r) { return r.id; }); });
    }
  };

  // ---- the page ----------------------------------------------------------------------------

  var PAGE = 10;
  var form = document.getElementById('search-form');
  var input = document.getElementById('search-q');
  var status = document.getElementById('search-status');
  var list = document.getElementById('search-results');
  var more = document.getElementById('search-more');
  if (!form || !input || !status || !list || !manifest) {
    return;
  }
  var lang = document.documentElement.lang;
  var root = list.getAttribute('data-root') || '';
  var text = JSON.parse(status.getAttribute('data-text'));
  var switchLink = document.querySelector('a.lang-switch');
  var switchHref = switchLink ? switchLink.getAttribute('href') : null;
  var notice = document.getElementById('search-nojs');
  if (notice) {
    notice.remove();
  }

  function count(n) {
    var forms = text.counts;
    var f = forms[new Intl.PluralRules(lang).select(n)] || forms.other;
    return f.replace('{n}', String(n).replace(/[0-9]/g, function (d) {
      return text.digits.charAt(Number(d));
    }));
  }

  function element(name, className, content) {
    var el = document.createElement(name);
    if (className) {
      el.className = className;
    }
    if (content !== undefined) {
      el.textContent = content;
    }
    return el;
  }

  /** The text with the words whose terms the query has marked; built as nodes, never HTML. */
  function highlighted(el, value, terms) {
    var words = /[\p{L}\p{M}\p{N}]+/gu;
    var last = 0;
    var m;
    while ((m = words.exec(value)) !== null) {
      if (analyze(m[0]).some(function (t) { return terms.has(t); })) {
        el.appendChild(document.createTextNode(value.slice(last, m.index)));
        el.appendChild(element('mark', null, m[0]));
        last = m.index + m[0].length;
      }
    }
    el.appendChild(document.createTextNode(value.slice(last)));
    return el;
  }

  function ownLanguage(el, r) {
    if (r.lang !== lang) {
      el.lang = r.lang;
      el.dir = r.dir;
    }
    return el;
  }

  function result(r, terms) {
    var item = element('li', 'card result');
    var heading = element('h2', 'card-title');
    var link = ownLanguage(highlighted(element('a'), r.title, terms), r);
    link.setAttribute('href', root + r.url);
    if (r.lang !== lang) {
      link.setAttribute('hreflang', r.lang);
    }
    heading.appendChild(link);
    var meta = element('p', 'card-meta');
    var time = element('time', null, r.date);
    time.dateTime = r.iso;
    meta.appendChild(time);
    var sep = element('span', 'sep', ' \u00B7 ');
    sep.setAttribute('aria-hidden', 'true');
    meta.appendChild(sep);
    meta.appendChild(element('span', 'result-type', r.type));
    if (r.countries.length) {
      var sep2 = sep.cloneNode(true);
      meta.appendChild(sep2);
      meta.appendChild(element('span', 'result-countries', r.countries.join(text.separator)));
    }
    item.appendChild(heading);
    item.appendChild(meta);
    if (r.pending) {
      item.appendChild(element('p', 'pending', text.pending));
    }
    item.appendChild(ownLanguage(highlighted(element('p', 'card-summary'), r.summary, terms), r));
    return item;
  }

  function current() {
    var filters = {};
    FILTERS.forEach(function (f) {
      var control = form.elements.namedItem(f);
      filters[f] = control ? control.value : '';
    });
    return { q: input.value, filters: filters };
  }

  var shown = [];
  var found = { numbers: [], words: [] };
  var asked = 0;

  function showMore() {
    var next = found.numbers.slice(shown.length, shown.length + PAGE);
    var ticket = asked;
    return records(next).then(function (rs) {
      if (ticket !== asked) {
        return;
      }
      var terms = new Set(found.words);
      rs.forEach(function (r) { list.appendChild(result(r, terms)); });
      shown = shown.concat(next);
      if (more) {
        more.hidden = shown.length >= found.numbers.length;
      }
    });
  }

  function show() {
    var c = current();
    var ticket = ++asked;
    var active = c.q.trim() || FILTERS.some(function (f) { return c.filters[f]; });
    return find(c.q, c.filters).then(function (f) {
      if (ticket !== asked) {
        return;
      }
      found = f;
      shown = [];
      list.replaceChildren();
      status.textContent = !active ? '' : f.numbers.length ? count(f.numbers.length) : text.none;
      return showMore();
    }).then(function () {
      if (ticket === asked) {
        document.documentElement.setAttribute('data-search-ready', String(ticket));
        if (ticket === 1 && window.performance && performance.mark) {
          performance.mark('briefing-first-results'); // when the address's query is answered
        }
      }
    });
  }

  function remember() {
    var c = current();
    var params = new URLSearchParams();
    if (c.q.trim()) {
      params.set('q', c.q);
    }
    FILTERS.forEach(function (f) {
      if (c.filters[f]) {
        params.set(f, c.filters[f]);
      }
    });
    var q = params.toString() ? '?' + params.toString() : '';
    try {
      history.replaceState(null, '', location.pathname + q + location.hash);
    } catch (e) {
      // some browsers refuse to change a file:// address; the search still works
    }
    if (switchLink) {
      switchLink.setAttribute('href', switchHref + q);
    }
  }

  function update() {
    remember();
    show();
  }

  input.addEventListener('input', update);
  FILTERS.forEach(function (f) {
    var control = form.elements.namedItem(f);
    if (control) {
      control.addEventListener('change', update);
    }
  });
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    update();
  });
  if (more) {
    more.addEventListener('click', showMore);
  }

  var params = new URLSearchParams(location.search);
  input.value = params.get('q') || '';
  FILTERS.forEach(function (f) {
    var control = form.elements.namedItem(f);
    var wanted = params.get(f) || '';
    if (control && [].some.call(control.options, function (o) { return o.value === wanted; })) {
      control.value = wanted;
    }
  });
  update();
})();
