// mkdocs-material 9.8.2's partials/javascripts/base.html (MIT licence), as a file instead of an inline script: the
// site's Content-Security-Policy runs no inline script. The one change: the site's root (__md_scope) comes from
// this file's own address (assets/javascripts/material/), not from the page's base_url. tests/test_csp.py
// compares this file with material's script.
__md_scope=new URL("../../../",document.currentScript.src),__md_hash=e=>[...e].reduce(((e,_)=>(e<<5)-e+_.charCodeAt(0)),0),__md_get=(e,_=localStorage,t=__md_scope)=>JSON.parse(_.getItem(t.pathname+"."+e)),__md_set=(e,_,t=localStorage,a=__md_scope)=>{try{t.setItem(a.pathname+"."+e,JSON.stringify(_))}catch(e){}}
