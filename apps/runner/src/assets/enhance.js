// Runs (deferred) before the ONS script: it marks the page as enhanced, so the ONS styles for
// JavaScript apply, then loads the ONS script named by this script's `data-ons-main` (its ES5
// build for browsers without modules). The ONS layout does both inline; our
// Content-Security-Policy allows no inline script. Written in ES5 so that old browsers run it.
(() => {
  document.body.className += document.body.className ? ' ons-js-enabled' : 'ons-js-enabled';

  // An error summary link names the field itself (an input, the first radio). The ONS in-page
  // link script focuses the first field inside the element a link names, so for a field it only
  // scrolls: this focuses the field, after the ONS handler on the link has run.
  document.addEventListener('click', (event) => {
    var link = event.target;
    while (link && !(link.className && /\bons-js-inpagelink\b/.test(link.className))) link = link.parentNode;
    // biome-ignore lint/complexity/useOptionalChain: ES5, which has no optional chaining
    var href = link && link.getAttribute('href');
    var field = href && href.charAt(0) === '#' && document.getElementById(href.slice(1));
    if (field && /^(INPUT|TEXTAREA|SELECT)$/.test(field.tagName)) {
      event.preventDefault();
      field.focus();
    }
  });

  var current = document.currentScript;
  // biome-ignore lint/complexity/useOptionalChain: ES5, which has no optional chaining
  var main = current && current.getAttribute('data-ons-main');
  if (!main) return;
  var script = document.createElement('script');
  script.src = 'noModule' in script ? main : main.replace(/\.js$/, '.es5.js');
  document.body.appendChild(script);
})();
