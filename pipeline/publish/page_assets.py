"""Style and script for the reading page's publication parts: masthead, view controls, keyboard movement,
copy-link button, print and small screens.

Why a second script instead of more of ``html.py``'s: it only adds behaviour (it reads the same DOM and
fires ordinary focus events that the first script already answers), so each part stays readable alone.
Keyboard model: the text is one tab stop (a roving ``tabindex``); inside it the arrow keys or j/k move
between the sentences of one side, left/right (h/l) jump to the linked sentence of the other side, Home/End
go to the first/last sentence and ``c`` copies a link to the current sentence.
"""

CSS = """
.skip{position:absolute;left:.5rem;top:-4rem;z-index:5;background:var(--fg);color:var(--bg);padding:.45rem .9rem;border-radius:.3rem;text-decoration:none}
.skip:focus{top:.5rem}
.bar button.opt{font:inherit;font-size:.82rem;color:var(--fg);background:var(--bg);border:1px solid var(--line);border-radius:999px;padding:.15rem .7rem;cursor:pointer;white-space:nowrap}
.bar button.opt[aria-pressed="true"]{background:var(--fg);color:var(--bg);border-color:var(--fg)}
.bar button.opt:focus-visible{outline:2px solid var(--accent);outline-offset:2px}
.layouts input:disabled+span.opt{opacity:.45;cursor:default}
details.legend{font-size:.78rem;color:var(--muted);flex-basis:100%}
details.legend summary{cursor:pointer;width:max-content;max-width:100%}
details.legend ul{margin:.3rem 0 .2rem;padding:0;list-style:none;display:flex;flex-wrap:wrap;gap:.15rem 1.2rem}
.masthead{margin:0 0 1.1rem}
h1.blk{font-size:1.85rem;line-height:1.25;margin:.6rem 0 .7rem}
h1.blk>.side{display:block}
.byline{color:var(--muted);font-size:.9rem}
.byline .side{margin:.1rem 0}
.byline .author{color:var(--fg);font-weight:600}
.orig{font-size:.9rem;color:var(--muted);margin:.35rem 0 0;overflow-wrap:anywhere}
.orig a,footer a{color:var(--accent)}
main[data-layout="paragraphs"] .masthead .side.tgt{border-left:0;padding-left:0;margin-bottom:.3rem}
main[data-layout="paragraphs"]:not([data-show]) h1.blk>.side.tgt{font-size:.78em;color:var(--muted);margin-top:.4rem}
.blk.cols{font-size:.72rem;font-weight:600;letter-spacing:.06em;text-transform:uppercase;color:var(--muted);margin:1rem 0 .3rem}
main:not([data-layout="side-by-side"]) .cols,main[data-show] .cols{display:none}
main[data-swap] .blk>.src{order:2}
main[data-swap] .blk>.tgt{order:1}
main[data-swap][data-layout="side-by-side"] .side.src{padding-right:0;padding-left:1.4rem;border-left:1px solid var(--line)}
main[data-swap][data-layout="side-by-side"] .side.tgt{padding-left:0;padding-right:1.4rem;border-left:0}
main[data-swap][data-layout="sentences"] .il .src .s{order:calc(var(--o,0) * 2 + 3)}
main[data-swap][data-layout="sentences"] .il .tgt .s{order:calc(var(--o,0) * 2)}
main[data-show="src"] .side.tgt,main[data-show="tgt"] .side.src{display:none!important}
main[data-show]{max-width:48rem}
main[data-show] .blk{grid-template-columns:minmax(0,1fr)}
main[data-show] .side{border-left:0!important;padding-left:0!important;padding-right:0!important}
.s:target{background:var(--hl)}
#cp{position:absolute;z-index:3;left:0;top:0;font:inherit;font-size:.75rem;line-height:1.2;padding:.1rem .35rem;border:1px solid var(--line);border-radius:.3rem;background:var(--bg);color:var(--fg);cursor:pointer}
#cp[hidden]{display:none}
#cp:focus-visible{outline:2px solid var(--accent)}
#msg{position:fixed;bottom:1rem;left:50%;transform:translateX(-50%);z-index:4;background:var(--fg);color:var(--bg);padding:.35rem .9rem;border-radius:.35rem;font-size:.85rem}
#msg:empty{display:none}
footer .credit{color:var(--fg);margin:0 0 .3rem}
footer .notice{margin:0 0 .7rem}
@media (max-width:40rem){
.bar{flex-wrap:nowrap;overflow-x:auto;gap:.3rem 1rem;-webkit-overflow-scrolling:touch}
.bar .layouts{flex-wrap:nowrap}
details.legend{flex-basis:auto;white-space:nowrap}
details.legend[open]{white-space:normal;min-width:16rem}
h1.blk{font-size:1.35rem}
main[data-swap][data-layout="side-by-side"] .side.src{padding-left:.55rem}
main[data-swap][data-layout="side-by-side"] .side.tgt{padding-right:.55rem}
}
@page{margin:18mm 16mm}
@media print{
.bar,#pop,#cp,#msg,.skip,.legend{display:none!important}
:root{--fg:#000;--bg:#fff;--muted:#444;--line:#bbb}
body{font-size:10.5pt;background:#fff;color:#000}
main[data-layout]{max-width:none;padding:0}
.blk{break-inside:avoid}
.rv,.un{text-decoration:none!important}
.s.hl,.s.on,.s:target{background:none!important}
.s:focus-visible{outline:none}
footer{max-width:none;padding:.8rem 0 0}
.orig a,footer a{color:inherit}
}
"""

JS = """
(function(){
"use strict";
var main=document.getElementById("doc");if(!main)return;
function get(k){try{return localStorage.getItem(k);}catch(e){return null;}}
function put(k,v){try{localStorage.setItem(k,v);}catch(e){}}
var narrow=!!(window.matchMedia&&window.matchMedia("(max-width: 40rem)").matches);
if(narrow&&!get("bilingual.layout")&&main.getAttribute("data-layout")==="side-by-side"){
 var p=document.querySelector('input[name="layout"][value="paragraphs"]');
 if(p){p.checked=true;main.setAttribute("data-layout","paragraphs");}
}
var legend=document.getElementById("legend");if(legend&&narrow)legend.open=false;
var shows=document.querySelectorAll('input[name="show"]');
function setShow(v,save){
 var ok=false;
 for(var i=0;i<shows.length;i++){if(shows[i].value===v){shows[i].checked=true;ok=true;}}
 if(!ok)return;
 if(v==="both")main.removeAttribute("data-show");else main.setAttribute("data-show",v);
 if(save)put("bilingual.show",v);
 fixStop();
}
function syncShow(){
 var one=main.getAttribute("data-layout")==="translation";
 for(var i=0;i<shows.length;i++)shows[i].disabled=one&&shows[i].value!=="both";
 if(one&&main.getAttribute("data-show"))setShow("both",false);
 fixStop();
}
var swap=document.getElementById("swap");
function setSwap(on,save){
 if(on)main.setAttribute("data-swap","");else main.removeAttribute("data-swap");
 if(swap)swap.setAttribute("aria-pressed",on?"true":"false");
 if(save)put("bilingual.swap",on?"1":"0");
}
if(swap)swap.addEventListener("click",function(){setSwap(!main.hasAttribute("data-swap"),true);});
document.addEventListener("change",function(e){
 var t=e.target;if(!t||!t.name)return;
 if(t.name==="show")setShow(t.value,true);else if(t.name==="layout")syncShow();
});
function visible(el){return !!el&&el.getClientRects().length>0;}
function sideOf(el){return el.closest(".src")?"src":"tgt";}
function sentencesOf(side){return main.querySelectorAll(".side."+side+" .s");}
function firstVisible(side,dir){
 var all=sentencesOf(side);
 for(var i=dir>0?0:all.length-1;i>=0&&i<all.length;i+=dir){if(visible(all[i]))return all[i];}
 return null;
}
function stop(){return main.querySelector('.s[tabindex="0"]');}
function fixStop(){
 var s=stop();if(visible(s))return;
 var n=firstVisible("src",1)||firstVisible("tgt",1);
 if(n){if(s)s.removeAttribute("tabindex");n.setAttribute("tabindex","0");}
}
function moveTo(el,quiet){
 if(!el)return;
 var s=stop();if(s&&s!==el)s.removeAttribute("tabindex");
 el.setAttribute("tabindex","0");
 el.focus(quiet?{preventScroll:true}:undefined);
}
function step(el,dir){
 var all=sentencesOf(sideOf(el)),i=Array.prototype.indexOf.call(all,el);
 for(var j=i+dir;j>=0&&j<all.length;j+=dir){if(visible(all[j]))return all[j];}
 return null;
}
function across(el){
 var other=sideOf(el)==="src"?"tgt":"src",ls=(el.getAttribute("data-l")||"").split(" ");
 var blk=el.closest(".blk");
 if(ls[0]){
  var cand=blk.querySelectorAll(".side."+other+" .s[data-l]");
  for(var i=0;i<cand.length;i++){
   var cl=cand[i].getAttribute("data-l").split(" ");
   for(var j=0;j<cl.length;j++){if(ls.indexOf(cl[j])>=0&&visible(cand[i]))return cand[i];}
  }
 }
 var any=blk.querySelector(".side."+other+" .s");
 return visible(any)?any:null;
}
var cp=document.getElementById("cp"),msg=document.getElementById("msg"),cpFor=null,msgTimer=0;
function say(text){if(!msg)return;msg.textContent=text;clearTimeout(msgTimer);msgTimer=setTimeout(function(){msg.textContent="";},2500);}
function placeCopy(el){
 if(!cp||!el)return;
 cpFor=el;
 var rs=el.getClientRects();if(!rs.length){cp.hidden=true;return;}
 var r=rs[rs.length-1];
 cp.hidden=false;
 var vw=document.documentElement.clientWidth;
 cp.style.left=(Math.min(r.right+4,vw-cp.offsetWidth-4)+window.scrollX)+"px";
 cp.style.top=(r.top+window.scrollY)+"px";
 cp.setAttribute("aria-label","Copy link to this sentence ("+el.id+")");
}
function linkTo(el){return location.href.split("#")[0]+"#"+encodeURIComponent(el.id).replace(/%2E/g,".");}
function copy(el){
 if(!el)return;
 var url=linkTo(el),done=function(){say("Link to this sentence copied");};
 try{history.replaceState(null,"","#"+el.id);}catch(e){}
 var fallback=function(){
  var ta=document.createElement("textarea");ta.value=url;ta.setAttribute("readonly","");
  ta.style.position="fixed";ta.style.opacity="0";document.body.appendChild(ta);ta.select();
  var ok=false;try{ok=document.execCommand("copy");}catch(e){}
  document.body.removeChild(ta);
  if(ok)done();else say("Copy this link: "+url);
 };
 if(navigator.clipboard&&navigator.clipboard.writeText){navigator.clipboard.writeText(url).then(done,fallback);}
 else fallback();
}
if(cp)cp.addEventListener("click",function(){copy(cpFor);if(cpFor)moveTo(cpFor,true);});
function sentence(t){return t&&t.closest?t.closest(".s"):null;}
main.addEventListener("mouseover",function(e){var s=sentence(e.target);if(s&&main.contains(s))placeCopy(s);});
main.addEventListener("focusin",function(e){var s=sentence(e.target);if(s)placeCopy(s);});
main.addEventListener("click",function(e){var s=sentence(e.target);if(s&&!e.target.closest("a"))moveTo(s,true);});
main.addEventListener("keydown",function(e){
 var s=sentence(e.target);
 if(!s||e.target!==s||e.ctrlKey||e.metaKey||e.altKey)return;
 var k=e.key,swapped=main.hasAttribute("data-swap"),next=null;
 if(k==="ArrowDown"||k==="j")next=step(s,1);
 else if(k==="ArrowUp"||k==="k")next=step(s,-1);
 else if(k==="ArrowRight"||k==="l"||k==="ArrowLeft"||k==="h"){
  var right=k==="ArrowRight"||k==="l",wantTgt=right!==swapped;
  if((sideOf(s)==="tgt")!==wantTgt)next=across(s);else{e.preventDefault();return;}
 }
 else if(k==="Home")next=firstVisible(sideOf(s),1);
 else if(k==="End")next=firstVisible(sideOf(s),-1);
 else if(k==="c"){e.preventDefault();copy(s);return;}
 else return;
 e.preventDefault();
 if(next)moveTo(next,false);
});
var skip=document.querySelector(".skip");
if(skip)skip.addEventListener("click",function(e){fixStop();var s=stop();if(s){e.preventDefault();moveTo(s,false);}});
var saved=get("bilingual.show");if(saved)setShow(saved,false);
setSwap(get("bilingual.swap")==="1",false);
syncShow();
if(location.hash.length>1){
 var t=document.getElementById(decodeURIComponent(location.hash.slice(1)));
 if(t&&t.classList.contains("s")&&main.contains(t)){var o=stop();if(o&&o!==t)o.removeAttribute("tabindex");t.setAttribute("tabindex","0");}
}
window.addEventListener("resize",function(){if(cpFor&&cp&&!cp.hidden)placeCopy(cpFor);});
})();
"""
