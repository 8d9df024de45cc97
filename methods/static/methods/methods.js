/*
 * Innovasjon – the methods toolkit. Progressive enhancement only: the listing's
 * filters are a GET form and work without this file. Loaded with `defer`.
 *
 * 1. Method pages: shows the «Skriv ut» button (printing needs JS to start).
 * 2. Listing, from 64em: the filter panel stays open beside the results.
 * 3. Listing: a changed filter fetches the new results without a reload, swaps
 *    them in, updates the counts and the address, and leaves focus where it was
 *    (UI guide §5.3). Any failure falls back to a normal page load.
 */
(function () {
  'use strict';

  /* 1. Print */
  var printTools = document.querySelector('[data-print]');
  var printButton = printTools && printTools.querySelector('[data-print-button]');
  if (printButton && typeof window.print === 'function') {
    printTools.hidden = false;
    printButton.addEventListener('click', function () {
      window.print();
    });
  }

  /* 2. Filter panel: open and static on wide screens */
  var panel = document.querySelector('[data-filter-panel]');
  if (panel) {
    var wide = window.matchMedia('(min-width: 64em)');
    var updatePanel = function () {
      if (wide.matches) {
        panel.open = true;
        panel.classList.add('filter-panel--static');
      } else {
        panel.classList.remove('filter-panel--static');
      }
    };
    if (wide.addEventListener) {
      wide.addEventListener('change', updatePanel);
    } else if (wide.addListener) {
      wide.addListener(updatePanel); // older Safari
    }
    updatePanel();
  }

  /* 3. Filters without reload */
  var form = document.querySelector('[data-filter-form]');
  var results = document.querySelector('[data-results]');
  if (!form || !results || !window.fetch || !window.DOMParser || !window.history.replaceState) {
    return;
  }
  var status = results.querySelector('[data-result-count]');
  var controller = null;

  function formUrl() {
    var params = [];
    var fields = form.querySelectorAll('input:checked, input[data-facet-search]');
    for (var i = 0; i < fields.length; i += 1) {
      if (fields[i].value) {
        params.push(encodeURIComponent(fields[i].name) + '=' + encodeURIComponent(fields[i].value));
      }
    }
    var action = form.getAttribute('action') || window.location.pathname;
    return params.length ? action + '?' + params.join('&') : action;
  }

  function swap(doc) {
    var parts = results.querySelectorAll('[data-swap]');
    for (var i = 0; i < parts.length; i += 1) {
      var name = parts[i].getAttribute('data-swap');
      var fresh = doc.querySelector('[data-swap="' + name + '"]');
      parts[i].innerHTML = fresh ? fresh.innerHTML : '';
    }
    // Options come and go with the counts (no zero options): swap each group but the
    // one in use, keeping its «Vis alle» state; in that one only the counts change
    // (its own options do not depend on its own choice), so focus stays put.
    var groups = form.querySelectorAll('[data-filter-group]');
    for (var g = 0; g < groups.length; g += 1) {
      var group = groups[g];
      var freshGroup = doc.querySelector(
        '[data-filter-group="' + group.getAttribute('data-filter-group') + '"]'
      );
      if (!freshGroup || group.contains(document.activeElement)) {
        continue;
      }
      var more = group.querySelector('.filters__more');
      var wasOpen = more && more.open;
      group.innerHTML = freshGroup.innerHTML;
      group.hidden = freshGroup.hidden;
      var freshMore = group.querySelector('.filters__more');
      if (freshMore && wasOpen) {
        freshMore.open = true;
      }
    }
    var counts = form.querySelectorAll('[data-count-for]');
    for (var j = 0; j < counts.length; j += 1) {
      var id = counts[j].getAttribute('data-count-for');
      var count = doc.querySelector('[data-count-for="' + id + '"]');
      if (count) {
        counts[j].textContent = count.textContent;
      }
    }
    var selected = document.querySelector('[data-filter-selected]');
    var freshSelected = doc.querySelector('[data-filter-selected]');
    if (selected && freshSelected) {
      selected.textContent = freshSelected.textContent;
    }
    var freshStatus = doc.querySelector('[data-result-count]');
    if (status && freshStatus) {
      // The status region was there at load, so the new text is announced.
      status.textContent = freshStatus.textContent;
    }
  }

  function update() {
    var url = formUrl();
    if (controller) {
      controller.abort();
    }
    controller = window.AbortController ? new AbortController() : null;
    results.setAttribute('aria-busy', 'true');
    window
      .fetch(url, {
        credentials: 'same-origin',
        headers: { Accept: 'text/html' },
        signal: controller ? controller.signal : undefined,
      })
      .then(function (response) {
        if (!response.ok) {
          throw new Error('HTTP ' + response.status);
        }
        return response.text();
      })
      .then(function (html) {
        var doc = new DOMParser().parseFromString(html, 'text/html');
        if (!doc.querySelector('[data-results]')) {
          // Not the listing (the session may have ended): load the page for real.
          throw new Error('Unexpected page');
        }
        swap(doc);
        window.history.replaceState(null, '', url);
        results.removeAttribute('aria-busy');
      })
      .catch(function (error) {
        if (error && error.name === 'AbortError') {
          return;
        }
        window.location.assign(url);
      });
  }

  form.addEventListener('change', function (event) {
    // A facet's search field is sent with its button or Enter (a normal page load).
    if (event.target && event.target.hasAttribute('data-facet-search')) {
      return;
    }
    update();
  });
})();
