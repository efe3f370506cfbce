// mkdocs-material 9.8.2's partials/javascripts/content.html (MIT licence), unchanged, as a file instead of two
// inline scripts: the site's Content-Security-Policy runs no inline script. The first runs with the feature
// content.tabs.link, which the partial marks on this script. tests/test_csp.py compares them.
if(document.currentScript.hasAttribute("data-tabs-link")){var tabs=__md_get("__tabs");if(Array.isArray(tabs))e:for(var set of document.querySelectorAll(".tabbed-set")){var labels=set.querySelector(".tabbed-labels");for(var tab of tabs)for(var label of labels.getElementsByTagName("label"))if(label.innerText.trim()===tab){var input=document.getElementById(label.htmlFor);input.checked=!0;continue e}}}
var target=document.getElementById(location.hash.slice(1));target&&target.name&&(target.checked=target.name.startsWith("__tabbed_"))
