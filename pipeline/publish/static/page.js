(function(){
"use strict";
var main=document.getElementById("doc"),pop=document.getElementById("pop"),KEY="bilingual.layout";
var radios=document.querySelectorAll('input[name="layout"]');
function setLayout(v,save){
 var ok=false;
 for(var i=0;i<radios.length;i++){if(radios[i].value===v){radios[i].checked=true;ok=true;}}
 if(!ok)return;
 main.setAttribute("data-layout",v);
 hidePop();
 if(save){try{localStorage.setItem(KEY,v);}catch(e){}}
}
try{var saved=localStorage.getItem(KEY);if(saved)setLayout(saved,false);}catch(e){}
document.getElementById("layouts").addEventListener("change",function(e){
 if(e.target&&e.target.name==="layout")setLayout(e.target.value,true);
});
var index=null,lit=[],cur=null,pinned=null;
function build(){
 index=Object.create(null);
 var all=main.querySelectorAll(".s[data-l]");
 for(var i=0;i<all.length;i++){
  var ls=all[i].getAttribute("data-l").split(" ");
  for(var j=0;j<ls.length;j++){(index[ls[j]]||(index[ls[j]]=[])).push(all[i]);}
 }
}
function peers(el){
 if(!index)build();
 var out=[el],ls=(el.getAttribute("data-l")||"").split(" ");
 for(var i=0;i<ls.length;i++){var g=index[ls[i]]||[];for(var j=0;j<g.length;j++){if(out.indexOf(g[j])<0)out.push(g[j]);}}
 return out;
}
function hidePop(){pop.hidden=true;}
function clear(){for(var i=0;i<lit.length;i++)lit[i].classList.remove("hl","on");lit=[];cur=null;hidePop();}
function showPop(el){
 var src=[];
 for(var i=0;i<lit.length;i++){if(lit[i].closest(".src"))src.push(lit[i].textContent);}
 if(!src.length)return;
 pop.textContent=src.join(" ");
 pop.hidden=false;
 var r=el.getBoundingClientRect(),vw=document.documentElement.clientWidth;
 var left=Math.max(8,Math.min(r.left,vw-pop.offsetWidth-8));
 pop.style.left=(left+window.scrollX)+"px";
 var h=pop.offsetHeight,below=r.bottom+6+h<=window.innerHeight||r.top<h+6;
 pop.style.top=((below?r.bottom+6:r.top-h-6)+window.scrollY)+"px";
}
function show(el){
 if(el===cur)return;
 clear();
 if(!el)return;
 cur=el;lit=peers(el);
 for(var i=0;i<lit.length;i++)lit[i].classList.add("hl");
 el.classList.add("on");
 if(main.getAttribute("data-layout")==="translation"&&el.closest(".tgt"))showPop(el);
}
function sentence(t){return t&&t.closest?t.closest(".s"):null;}
main.addEventListener("mouseover",function(e){var s=sentence(e.target);if(s)show(s);});
main.addEventListener("mouseout",function(e){
 var s=sentence(e.target);if(!s)return;
 var to=sentence(e.relatedTarget);if(!to||!main.contains(to))show(pinned);
});
main.addEventListener("focusin",function(e){var s=sentence(e.target);if(s){pinned=s;show(s);}});
main.addEventListener("focusout",function(e){if(!sentence(e.relatedTarget)){pinned=null;clear();}});
main.addEventListener("click",function(e){var s=sentence(e.target);pinned=s;if(s){cur=null;show(s);}else clear();});
document.addEventListener("keydown",function(e){if(e.key==="Escape"){pinned=null;clear();}});
window.addEventListener("resize",function(){if(!pop.hidden&&cur)showPop(cur);});
})();
