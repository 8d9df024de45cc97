/*
 * Innovasjon – Stavanger kommune. Progressive enhancement only: every page
 * works without this file. Loaded with `defer`; no libraries, no inline code.
 */
(function () {
  'use strict';

  /* 1. Main menu: a disclosure below 48em, a plain list from 48em. */
  function initMainMenu(menu) {
    var toggle = menu.querySelector('.main-menu__toggle');
    var list = toggle && document.getElementById(toggle.getAttribute('aria-controls'));
    if (!list) {
      return;
    }
    var wide = window.matchMedia('(min-width: 48em)');
    var labelOpen = toggle.getAttribute('data-label-open') || toggle.textContent.trim();
    var labelClose = toggle.getAttribute('data-label-close') || labelOpen;

    function setOpen(open) {
      toggle.setAttribute('aria-expanded', open ? 'true' : 'false');
      toggle.textContent = open ? labelClose : labelOpen;
      list.hidden = !open;
    }

    function update() {
      if (wide.matches) {
        toggle.hidden = true;
        list.hidden = false;
        menu.classList.remove('main-menu--enhanced');
      } else {
        toggle.hidden = false;
        menu.classList.add('main-menu--enhanced');
        setOpen(false);
      }
    }

    toggle.addEventListener('click', function () {
      setOpen(toggle.getAttribute('aria-expanded') !== 'true');
    });

    // Esc closes the open menu and hands focus back to the button.
    menu.addEventListener('keydown', function (event) {
      if (event.key === 'Escape' && !toggle.hidden && toggle.getAttribute('aria-expanded') === 'true') {
        setOpen(false);
        toggle.focus();
      }
    });

    if (wide.addEventListener) {
      wide.addEventListener('change', update);
    } else if (wide.addListener) {
      wide.addListener(update); // older Safari
    }
    update();
  }

  /* 2. Error summary: move focus to it so it is read first (§5.5). */
  function focusErrorSummary() {
    var summary = document.querySelector('[data-error-summary]');
    if (summary) {
      if (!summary.hasAttribute('tabindex')) {
        summary.setAttribute('tabindex', '-1');
      }
      summary.focus();
    }
  }

  /* 3. Print: open every <details> so nothing is hidden on paper (§5.12),
     and close the ones we opened once the print dialog is done. */
  var openedForPrint = [];

  function openDetailsForPrint() {
    var closed = document.querySelectorAll('details:not([open])');
    for (var i = 0; i < closed.length; i += 1) {
      closed[i].open = true;
      openedForPrint.push(closed[i]);
    }
  }

  function restoreDetailsAfterPrint() {
    while (openedForPrint.length) {
      openedForPrint.pop().open = false;
    }
  }

  var menus = document.querySelectorAll('[data-main-menu]');
  for (var i = 0; i < menus.length; i += 1) {
    initMainMenu(menus[i]);
  }
  focusErrorSummary();
  window.addEventListener('beforeprint', openDetailsForPrint);
  window.addEventListener('afterprint', restoreDetailsAfterPrint);
})();

/* ==== «Min kalender» (events app): copy the subscription address ==== */
/*
 * The button is hidden until this script shows it; without it the address stays in a
 * read-only box to select and copy by hand. A click selects the address, copies it and
 * says so in the status line (a live region).
 */
(function () {
  'use strict';

  var buttons = document.querySelectorAll('[data-copy-target]');
  for (var i = 0; i < buttons.length; i += 1) {
    (function (button) {
      var input = document.getElementById(button.getAttribute('data-copy-target'));
      var status = document.querySelector('[data-copy-status]');
      if (!input || !navigator.clipboard) {
        return;
      }
      button.hidden = false;
      button.addEventListener('click', function () {
        input.select();
        navigator.clipboard.writeText(input.value).then(function () {
          if (status) {
            status.textContent = button.getAttribute('data-copied-text');
          }
        });
      });
    })(buttons[i]);
  }
})();

/* ==== Search (search app): suggestions in the header, the search page's filters ==== */
/*
 * 1. The header's search box is an ARIA 1.2 combobox with list autocomplete (UI guide
 *    §5.11): from two characters, 200 ms after the last keystroke, it asks
 *    /sok/forslag/ for up to eight pages and shows them in the listbox. Focus stays in
 *    the input: ↓/↑ move aria-activedescendant, Enter opens the chosen page (or submits
 *    the search), Esc closes the list and a second Esc clears the box, Tab closes.
 *    Without this script the box is a plain search form.
 * 2. On /sok/ the filter panel stays open beside the results from 64em, and a changed
 *    filter fetches the new results and swaps them in without a reload (§5.3).
 */
(function () {
  'use strict';

  var WORD = /[^\s.,:;!?()«»"'’\-–—/]+/g;

  function initSuggestions(form) {
    var input = form.querySelector('[role="combobox"]');
    var list = input && document.getElementById(input.getAttribute('aria-controls'));
    var status = form.querySelector('[role="status"]');
    if (!list || !status || !window.fetch) {
      return;
    }
    var endpoint = form.getAttribute('data-search-suggest');
    var timer = null;
    var controller = null;
    var items = [];
    var active = -1;
    var shownFor = '';

    function statusText(count) {
      if (count === 0) {
        return form.getAttribute('data-status-none') || '';
      }
      if (count === 1) {
        return form.getAttribute('data-status-one') || '1';
      }
      return (form.getAttribute('data-status-many') || '{n}').replace('{n}', String(count));
    }

    function select(index) {
      var options = list.querySelectorAll('[role="option"]');
      for (var i = 0; i < options.length; i += 1) {
        options[i].setAttribute('aria-selected', i === index ? 'true' : 'false');
      }
      active = index;
      if (index >= 0 && options[index]) {
        input.setAttribute('aria-activedescendant', options[index].id);
        if (options[index].scrollIntoView) {
          options[index].scrollIntoView({ block: 'nearest' });
        }
      } else {
        input.removeAttribute('aria-activedescendant');
      }
    }

    function close() {
      list.hidden = true;
      input.setAttribute('aria-expanded', 'false');
      select(-1);
    }

    function open() {
      if (items.length) {
        list.hidden = false;
        input.setAttribute('aria-expanded', 'true');
      }
    }

    // The title as text nodes, the start of each word that matches a typed word in <mark>.
    function titleWithMarks(title, query) {
      var typed = (query.toLowerCase().match(WORD) || []);
      var fragment = document.createDocumentFragment();
      var last = 0;
      var match;
      WORD.lastIndex = 0;
      while ((match = WORD.exec(title)) !== null) {
        var word = match[0].toLowerCase();
        var length = 0;
        for (var i = 0; i < typed.length; i += 1) {
          if (word.indexOf(typed[i]) === 0 && typed[i].length > length) {
            length = typed[i].length;
          }
        }
        if (length) {
          fragment.appendChild(document.createTextNode(title.slice(last, match.index)));
          var mark = document.createElement('mark');
          mark.textContent = title.substr(match.index, length);
          fragment.appendChild(mark);
          last = match.index + length;
        }
      }
      fragment.appendChild(document.createTextNode(title.slice(last)));
      return fragment;
    }

    function render(data, query) {
      while (list.firstChild) {
        list.removeChild(list.firstChild);
      }
      items = data.slice(0, 8);
      shownFor = query;
      items.forEach(function (item, index) {
        var option = document.createElement('li');
        option.id = list.id + '-' + index;
        option.setAttribute('role', 'option');
        option.setAttribute('aria-selected', 'false');
        var title = document.createElement('span');
        title.className = 'site-search__title';
        title.appendChild(titleWithMarks(item.title, query));
        var type = document.createElement('small');
        type.className = 'site-search__type';
        type.textContent = item.type;
        option.appendChild(title);
        option.appendChild(type);
        // Keep focus in the input when an option is pressed.
        option.addEventListener('mousedown', function (event) {
          event.preventDefault();
        });
        option.addEventListener('click', function () {
          go(index);
        });
        list.appendChild(option);
      });
      status.textContent = statusText(items.length);
      if (items.length) {
        open();
        select(-1);
      } else {
        close();
      }
    }

    function go(index) {
      if (items[index] && items[index].url) {
        window.location.href = items[index].url;
      }
    }

    function suggest() {
      var query = input.value.trim();
      if (query.length < 2) {
        items = [];
        shownFor = '';
        close();
        status.textContent = '';
        return;
      }
      if (query === shownFor) {
        open();
        return;
      }
      if (controller) {
        controller.abort();
      }
      controller = window.AbortController ? new window.AbortController() : null;
      window.fetch(endpoint + '?q=' + encodeURIComponent(query), {
        credentials: 'same-origin',
        headers: { Accept: 'application/json' },
        signal: controller ? controller.signal : undefined
      })
        .then(function (response) {
          if (!response.ok) {
            throw new Error('HTTP ' + response.status);
          }
          return response.json();
        })
        .then(function (data) {
          if (Array.isArray(data) && input.value.trim() === query) {
            render(data, query);
          }
        })
        .catch(function () {
          /* No suggestions; the form still searches. */
        });
    }

    input.addEventListener('input', function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(suggest, 200);
    });

    input.addEventListener('keydown', function (event) {
      var expanded = !list.hidden;
      switch (event.key) {
        case 'ArrowDown':
          event.preventDefault();
          if (!expanded) {
            open();
            if (!items.length) {
              suggest();
            }
          } else {
            select(active + 1 >= items.length ? 0 : active + 1);
          }
          break;
        case 'ArrowUp':
          if (expanded) {
            event.preventDefault();
            select(active <= 0 ? items.length - 1 : active - 1);
          }
          break;
        case 'Enter':
          if (expanded && active >= 0) {
            event.preventDefault();
            go(active);
          }
          break;
        case 'Escape':
          event.preventDefault();
          if (expanded) {
            close();
          } else if (input.value) {
            input.value = '';
            items = [];
            shownFor = '';
            status.textContent = '';
          }
          break;
        case 'Tab':
          close();
          break;
        default:
          break;
      }
    });

    input.addEventListener('blur', function () {
      window.setTimeout(close, 150);
    });

    document.addEventListener('click', function (event) {
      if (!form.contains(event.target)) {
        close();
      }
    });
  }

  function initSearchFilters(panel) {
    var wide = window.matchMedia('(min-width: 64em)');
    function update() {
      if (wide.matches) {
        panel.open = true;
        panel.classList.add('filter-panel--static');
      } else {
        panel.classList.remove('filter-panel--static');
      }
    }
    if (wide.addEventListener) {
      wide.addEventListener('change', update);
    } else if (wide.addListener) {
      wide.addListener(update); // older Safari
    }
    update();

    var form = panel.querySelector('form');
    var listing = panel.closest('[data-search-listing]');
    var status = listing && listing.querySelector('[data-search-status]');
    if (!form || !status || !window.fetch || !window.DOMParser || !window.history.replaceState) {
      return;
    }
    var controller = null;

    function formUrl() {
      var params = [];
      var fields = form.querySelectorAll('input[type="hidden"], input:checked');
      for (var i = 0; i < fields.length; i += 1) {
        if (fields[i].value) {
          params.push(encodeURIComponent(fields[i].name) + '=' + encodeURIComponent(fields[i].value));
        }
      }
      return form.getAttribute('action') + (params.length ? '?' + params.join('&') : '');
    }

    form.addEventListener('change', function () {
      var url = formUrl();
      var focused = document.activeElement && document.activeElement.id;
      if (controller) {
        controller.abort();
      }
      controller = window.AbortController ? new window.AbortController() : null;
      window.fetch(url, {
        credentials: 'same-origin',
        headers: { Accept: 'text/html' },
        signal: controller ? controller.signal : undefined
      })
        .then(function (response) {
          if (!response.ok) {
            throw new Error('HTTP ' + response.status);
          }
          return response.text();
        })
        .then(function (html) {
          var doc = new window.DOMParser().parseFromString(html, 'text/html');
          var parts = listing.querySelectorAll('[data-search-swap]');
          for (var i = 0; i < parts.length; i += 1) {
            var fresh = doc.querySelector('[data-search-swap="' + parts[i].getAttribute('data-search-swap') + '"]');
            if (!fresh) {
              throw new Error('missing part');
            }
            parts[i].innerHTML = fresh.innerHTML;
          }
          var freshStatus = doc.querySelector('[data-search-status]');
          if (freshStatus) {
            status.textContent = freshStatus.textContent;
          }
          document.title = doc.title;
          window.history.replaceState(null, '', url);
          var again = focused && document.getElementById(focused);
          if (again) {
            again.focus();
          }
        })
        .catch(function (error) {
          if (!error || error.name !== 'AbortError') {
            window.location.href = url;
          }
        });
    });
  }

  var searchForms = document.querySelectorAll('form[data-search-suggest]');
  for (var i = 0; i < searchForms.length; i += 1) {
    initSuggestions(searchForms[i]);
  }
  var panels = document.querySelectorAll('[data-search-filters]');
  for (var j = 0; j < panels.length; j += 1) {
    initSearchFilters(panels[j]);
  }
})();
