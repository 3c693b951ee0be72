/*
 * Search, offline: the search page of each language loads lunr (assets/lunr.min.js), the
 * records the build wrote for that language ({lang}/search/records.js) and this file. The index
 * is built here, in the browser, from those records, on the first query; `?q=` in the address
 * runs a query when the page opens, and typing keeps the address in step
 * (history.replaceState), so a search can be shared.
 *
 * Words are analysed by ONE lunr pipeline function, `briefingAnalyzer`, used both when the
 * records are indexed and when a query is run, so the two can never disagree:
 *  - Arabic is matched as readers type it: diacritics (harakat, superscript alef) and tatweel
 *    are ignored; أ إ آ ٱ are read as ا, ة as ه, ى as ي, ؤ as و, ئ as ي; Arabic-Indic digits
 *    as 0-9; then a light stemmer strips the article and common one-letter prefixes
 *    (ال وال بال كال فال لل، و ف ب ل) and common suffixes (ات ون ين ان ها هم ية ي ...), always
 *    keeping at least three letters, so الدفاع finds دفاع and سورية finds سوريا;
 *  - other words lose their accents and go through lunr's English (Porter) stemmer, so
 *    "agreements" finds "agreement".
 * Every query word is required, except common words (the, of, في, من ...), which only rank;
 * the last word also matches as a prefix while it is being typed.
 *
 * window.briefingSearch exposes analyze() and search() for the browser tests.
 */
(function () {
  'use strict';

  // ---- word analysis ------------------------------------------------------------------------

  /** Any letter of the Arabic script (base block, supplements and presentation forms). */
  var ARABIC = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/;
  /** Harakat, Quranic marks, superscript alef (U+0670) and tatweel (U+0640). */
  var ARABIC_MARKS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]/g;
  var EDGES = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu;
  var MIN_STEM = 3;

  /** The article and its fused forms, longest first: stripped before anything else. */
  var ARTICLES = ['\u0648\u0627\u0644', '\u0628\u0627\u0644', '\u0643\u0627\u0644',
    '\u0641\u0627\u0644', '\u0644\u0644', '\u0627\u0644']; // وال بال كال فال لل ال
  /** One-letter prefixes: و (and), ف (so), ب (by), ل (for). */
  var PREFIXES = ['\u0648', '\u0641', '\u0628', '\u0644'];
  /** Suffixes, longest first, as they read after folding (ية is يه). */
  var SUFFIXES = ['\u0647\u0645\u0627', '\u0643\u0645\u0627', // هما كما
    '\u0627\u062A', '\u0648\u0646', '\u064A\u0646', '\u0627\u0646', // ات ون ين ان
    '\u0647\u0627', '\u0647\u0645', '\u0647\u0646', '\u0643\u0645', '\u0646\u0627', // ها هم هن كم نا
    '\u064A\u0647', // يه (ية)
    '\u0647', '\u064A', '\u0627']; // ه ي ا

  /** Writes an Arabic word the way every spelling of it is compared. */
  function foldArabic(word) {
    return word
      .replace(ARABIC_MARKS, '')
      .replace(/[\u0622\u0623\u0625\u0671]/g, '\u0627') // آ أ إ ٱ → ا
      .replace(/\u0629/g, '\u0647') // ة → ه
      .replace(/[\u0649\u06CC]/g, '\u064A') // ى and Persian ی → ي
      .replace(/\u0624/g, '\u0648') // ؤ → و
      .replace(/\u0626/g, '\u064A') // ئ → ي
      .replace(/\u06A9/g, '\u0643') // Persian ک → ك
      .replace(/[\u0660-\u0669]/g, function (d) { return String(d.charCodeAt(0) - 0x0660); })
      .replace(/[\u06F0-\u06F9]/g, function (d) { return String(d.charCodeAt(0) - 0x06F0); });
  }

  function stripFirst(word, affixes, atStart) {
    for (var i = 0; i < affixes.length; i++) {
      var a = affixes[i];
      var fits = atStart ? word.startsWith(a) : word.endsWith(a);
      if (fits && word.length - a.length >= MIN_STEM) {
        return atStart ? word.slice(a.length) : word.slice(0, word.length - a.length);
      }
    }
    return null;
  }

  /**
   * A light stemmer for a folded Arabic word: strips, one at a time until none applies, the
   * article, else a suffix, else a one-letter prefix, never leaving fewer than three letters.
   */
  function stemArabic(word) {
    for (;;) {
      var next = stripFirst(word, ARTICLES, true);
      if (next === null) {
        next = stripFirst(word, SUFFIXES, false);
      }
      if (next === null) {
        next = stripFirst(word, PREFIXES, true);
      }
      if (next === null) {
        return word;
      }
      word = next;
    }
  }

  /** Latin and other scripts: accents dropped ("Türkiye" reads as "turkiye"). */
  function foldOther(word) {
    return word.normalize('NFD').replace(/[\u0300-\u036F]/g, '').normalize('NFC');
  }

  /** One word (already lower-cased by lunr's tokenizer) as it is indexed and searched. */
  function analyzeWord(word) {
    word = word.normalize('NFKC');
    if (ARABIC.test(word)) {
      word = foldArabic(word).replace(EDGES, '');
      return word ? stemArabic(word) : '';
    }
    word = foldOther(word).replace(EDGES, '');
    return word ? lunr.stemmer(new lunr.Token(word)).toString() : '';
  }

  /** The lunr pipeline function: the same for indexing and for queries. */
  function briefingAnalyzer(token) {
    var word = analyzeWord(token.toString());
    return word ? token.update(function () { return word; }) : undefined;
  }

  lunr.Pipeline.registerFunction(briefingAnalyzer, 'briefingAnalyzer');
  // Words are split on anything that is not a letter, a mark or a digit, in any script.
  lunr.tokenizer.separator = /[^\p{L}\p{M}\p{N}]+/u;

  function analyze(text) {
    return lunr.tokenizer(text).map(function (t) { return analyzeWord(t.toString()); })
      .filter(Boolean);
  }

  /** Common words: a query does not require them, they only rank. */
  var COMMON = {};
  ('a an and are as at be by for from has have in it its of on or that the their this to was'
    + ' were which with \u0641\u064A \u0645\u0646 \u0639\u0644\u0649 \u0627\u0644\u0649'
    + ' \u0625\u0644\u0649 \u0639\u0646 \u0645\u0639 \u0623\u0646 \u0625\u0646 \u0623\u0648'
    + ' \u062B\u0645 \u0642\u062F \u0644\u0627 \u0645\u0627 \u0647\u0648 \u0647\u064A'
    + ' \u0647\u0630\u0627 \u0647\u0630\u0647 \u0630\u0644\u0643 \u0627\u0644\u062A\u064A'
    + ' \u0627\u0644\u0630\u064A \u0628\u064A\u0646 \u0628\u0639\u062F \u0642\u0628\u0644'
    + ' \u0643\u0627\u0646 \u0643\u0627\u0646\u062A \u0648')
    .split(' ').forEach(function (w) {
      analyze(w).forEach(function (a) { COMMON[a] = true; });
    });

  // ---- the index ----------------------------------------------------------------------------

  var data = window.briefingSearchRecords;
  var records = data ? data.records : [];

  /** The index, built on first use, so opening the page without a query costs nothing. */
  var index = null;

  function theIndex() {
    if (index) {
      return index;
    }
    var builder = new lunr.Builder();
    builder.pipeline.add(briefingAnalyzer);
    builder.searchPipeline.add(briefingAnalyzer);
    builder.ref('i');
    builder.field('title', { boost: 8 });
    builder.field('summary', { boost: 3 });
    builder.field('countries', { boost: 3 });
    builder.field('actors', { boost: 2 });
    builder.field('type', { boost: 2 });
    builder.field('body');
    records.forEach(function (r, i) {
      builder.add({
        i: String(i),
        title: r.title,
        summary: r.summary,
        countries: r.countries.join(' '),
        actors: r.actors.join(' '),
        type: r.type,
        body: r.body
      });
    });
    index = builder.build();
    return index;
  }

  /** The records matching `query`, best first. */
  function search(query) {
    var index = theIndex();
    var terms = index.pipeline.run(lunr.tokenizer(query)).map(String);
    if (terms.length === 0) {
      return [];
    }
    var typing = !/[^\p{L}\p{M}\p{N}]$/u.test(query);
    return index.query(function (q) {
      terms.forEach(function (term, i) {
        q.term(term, {
          usePipeline: false,
          presence: COMMON[term] ? lunr.Query.presence.OPTIONAL : lunr.Query.presence.REQUIRED,
          wildcard: typing && i === terms.length - 1
            ? lunr.Query.wildcard.TRAILING : lunr.Query.wildcard.NONE
        });
      });
    }).map(function (hit) { return records[Number(hit.ref)]; });
  }

  window.briefingSearch = {
    analyze: analyze,
    search: function (query) { return search(query).map(function (r) { return r.id; }); }
  };

  // ---- the page -----------------------------------------------------------------------------

  var form = document.getElementById('search-form');
  var input = document.getElementById('search-q');
  var status = document.getElementById('search-status');
  var list = document.getElementById('search-results');
  if (!form || !input || !status || !list || !data) {
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
    var form = forms[new Intl.PluralRules(lang).select(n)] || forms.other;
    var digits = String(n).replace(/[0-9]/g, function (d) { return text.digits.charAt(Number(d)); });
    return form.replace('{n}', digits);
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

  /** Text in another language than the page's (a pending translation) keeps its own. */
  function ownLanguage(el, r) {
    if (r.lang !== lang) {
      el.lang = r.lang;
      el.dir = r.dir;
    }
    return el;
  }

  function result(r) {
    var item = element('li', 'card result');
    var heading = element('h2', 'card-title');
    var link = ownLanguage(element('a', null, r.title), r);
    link.setAttribute('href', root + r.url);
    if (r.lang !== lang) {
      link.setAttribute('hreflang', r.lang);
    }
    heading.appendChild(link);
    var meta = element('p', 'card-meta');
    var time = element('time', null, r.date);
    time.dateTime = r.iso;
    meta.appendChild(time);
    if (r.countries.length) {
      var sep = element('span', 'sep', ' \u00B7 ');
      sep.setAttribute('aria-hidden', 'true');
      meta.appendChild(sep);
      meta.appendChild(element('span', 'result-countries', r.countries.join(text.separator)));
    }
    item.appendChild(heading);
    item.appendChild(meta);
    if (r.pending) {
      item.appendChild(element('p', 'pending', text.pending));
    }
    item.appendChild(ownLanguage(element('p', 'card-summary', r.summary), r));
    return item;
  }

  function show(query) {
    var found = query.trim() ? search(query) : [];
    list.replaceChildren.apply(list, found.map(result));
    status.textContent = !query.trim() ? '' : found.length ? count(found.length) : text.none;
  }

  function remember(query) {
    var q = query.trim() ? '?' + new URLSearchParams({ q: query }).toString() : '';
    try {
      history.replaceState(null, '', location.pathname + q + location.hash);
    } catch (e) {
      // some browsers refuse to change a file:// address; the search still works
    }
    if (switchLink) {
      switchLink.setAttribute('href', switchHref + q);
    }
  }

  input.addEventListener('input', function () {
    show(input.value);
    remember(input.value);
  });
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    show(input.value);
    remember(input.value);
  });

  var initial = new URLSearchParams(location.search).get('q') || '';
  input.value = initial;
  show(initial);
  remember(initial);
})();
