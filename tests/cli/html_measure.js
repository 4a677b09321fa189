// Measures how an HTML page lays out in the browser that opened it, for
// html_fit_test.sh. The test injects this script into a copy of the page (the
// page's Content-Security-Policy allows inline script) and reads what it
// writes into a pre element of id "measure", one key=value a line, from
// `chromium --dump-dom`.
//
// A table's key columns are named in <body data-measure="TABLE_ID:col,col;...">
// by the th data-key of their heading. A column is "out" on a row when its
// cell is hidden, narrower than 8 px or not wholly inside the page and every
// box that clips it; it is "labelled" when its heading shows inside the page
// or the cell writes its name before itself (a table reflowed into cards).
(function () {
  'use strict';
  var page = document.documentElement.clientWidth;
  var lines = ['viewport=' + page];

  function put(key, value) { lines.push(key + '=' + value); }

  function within(rect, left, right) { return rect.left >= left - 0.5 && rect.right <= right + 0.5; }

  // The element shows, wholly inside the page and every clipping box.
  function inView(el) {
    var rect = el.getBoundingClientRect();
    var style = getComputedStyle(el);
    if (rect.width < 8 || rect.height < 4 || style.visibility === 'hidden') return false;
    if (!within(rect, 0, page)) return false;
    for (var box = el.parentElement; box; box = box.parentElement) {
      if (getComputedStyle(box).overflowX === 'visible') continue;
      var clip = box.getBoundingClientRect();
      if (!within(rect, clip.left, clip.right)) return false;
    }
    return true;
  }

  function labelled(th, td) {
    if (th && inView(th)) return true;
    var before = getComputedStyle(td, '::before').content;
    return before !== 'none' && before !== 'normal' && before.replace(/"/g, '').trim() !== '';
  }

  function measureColumn(table, key) {
    var heads = Array.prototype.slice.call(table.tHead.rows[0].cells);
    var index = heads.findIndex(function (th) { return th.dataset.key === key; });
    if (index < 0) { put(table.id + '.' + key, 'missing'); return; }
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    var out = 0, unlabelled = 0;
    rows.forEach(function (row) {
      var td = row.cells[index];
      if (!inView(td)) out++;
      if (!labelled(heads[index], td)) unlabelled++;
    });
    put(table.id + '.' + key, rows.length + ' rows, ' + out + ' out, ' + unlabelled + ' unlabelled');
  }

  function lineHeight(el) {
    var style = getComputedStyle(el);
    var height = parseFloat(style.lineHeight);
    return isNaN(height) ? 1.2 * parseFloat(style.fontSize) : height;
  }

  // Badges and matrix headings: more lines than they should take, or text
  // wider than their box.
  function measureText() {
    var wrapped = 0, overflowing = 0;
    document.querySelectorAll('.sev, .badge').forEach(function (b) {
      if (b.getBoundingClientRect().height > 1.5 * lineHeight(b)) wrapped++;
    });
    document.querySelectorAll('thead th, dl.summary dt, dl.summary dd').forEach(function (el) {
      var wide = el.getBoundingClientRect().width >= 8;
      if (wide && el.scrollWidth > el.clientWidth + 1) overflowing++;
    });
    put('badges_wrapped', wrapped);
    put('text_overflowing', overflowing);
    put('words_broken', brokenWords('thead th, .sev, .badge, dl.summary dt, dl.summary dd'));
  }

  // Words (without a hyphen or slash, where a line may break) that a line
  // break splits, in the elements `selector` picks: a heading squeezed into
  // a column too narrow for it stacks its letters.
  function brokenWords(selector) {
    var broken = 0;
    document.querySelectorAll(selector).forEach(function (el) {
      for (var box = el; box; box = box.parentElement) {
        if (box.getBoundingClientRect().width < 8) return;  // visually hidden
      }
      var walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (var node = walker.nextNode(); node; node = walker.nextNode()) {
        var word = /[^\s\-\/]+/g, match;
        while ((match = word.exec(node.data)) !== null) {
          var range = document.createRange();
          range.setStart(node, match.index);
          range.setEnd(node, match.index + match[0].length);
          var tops = {};
          Array.prototype.forEach.call(range.getClientRects(), function (r) { tops[Math.round(r.top)] = 1; });
          if (Object.keys(tops).length > 1) broken++;
        }
      }
    });
    return broken;
  }

  function measureCards() {
    var out = 0, cards = document.querySelectorAll('dl.summary > div');
    cards.forEach(function (card) {
      if (!inView(card) || card.scrollWidth > card.clientWidth + 1) out++;
    });
    put('cards', cards.length + ' cards, ' + out + ' out');
  }

  // The page scrolls sideways, and (to say why) the first elements that
  // reach beyond its right edge.
  function measurePage() {
    put('page_overflow', document.documentElement.scrollWidth > page ? 1 : 0);
    var beyond = [];
    document.querySelectorAll('body *').forEach(function (el) {
      if (beyond.length < 3 && el.getBoundingClientRect().right > page + 0.5) {
        beyond.push(el.tagName.toLowerCase() + (el.className ? '.' + el.className : ''));
      }
    });
    put('beyond_right', beyond.join(' '));
  }

  measurePage();
  (document.body.dataset.measure || '').split(';').forEach(function (spec) {
    var parts = spec.split(':');
    var table = document.getElementById(parts[0]);
    if (!table) { if (parts[0]) put(parts[0], 'missing'); return; }
    parts[1].split(',').forEach(function (key) { measureColumn(table, key); });
  });
  measureText();
  measureCards();
  var pre = document.createElement('pre');
  pre.id = 'measure';
  pre.textContent = '\n' + lines.join('\n') + '\n';
  document.body.appendChild(pre);
})();
