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
