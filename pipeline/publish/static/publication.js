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
