/**
 * The demo storefront's own stylesheet and script, served as files (not
 * inline), so the page also works under the strict Content-Security-Policy
 * that `/demo?csp=strict` sends.
 */
export const demoStoreCss = `
*{box-sizing:border-box}body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1d1d1f;background:#fafaf7}
a{color:inherit}header{display:flex;align-items:center;justify-content:space-between;padding:16px 32px;background:#fff;border-bottom:1px solid #e6e6e0;position:sticky;top:0;z-index:1}
.logo{font-weight:800;font-size:22px;letter-spacing:-.02em;text-decoration:none}nav a{margin:0 10px;text-decoration:none;color:#444;font-size:15px}
.cart{font-weight:600;text-decoration:none}.hero{padding:56px 32px;background:linear-gradient(120deg,#1f4e79,#2e7d32);color:#fff}
.hero h1{margin:0 0 8px;font-size:40px;letter-spacing:-.02em}.hero p{margin:0;font-size:18px;opacity:.9;max-width:560px}
main{padding:32px;max-width:1200px;margin:0 auto}h2{font-size:24px;margin:8px 0 16px}
.grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(220px,1fr));gap:24px}
.card{background:#fff;border:1px solid #ebebe6;border-radius:12px;overflow:hidden;text-decoration:none;display:block}
.card img{width:100%;aspect-ratio:1;object-fit:cover;display:block;background:#eee}.card .body{padding:12px 14px}
.card h3{font-size:15px;margin:0 0 6px;font-weight:600}.price{font-weight:700}.was{color:#767676;text-decoration:line-through;margin-left:6px;font-weight:400}
.category{color:#5f5f5f;font-size:13px}.product{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);gap:40px}
.product img{width:100%;border-radius:12px}.product h1{margin-top:0}.variants{margin:16px 0;padding:0;list-style:none}
.variants li{padding:6px 0;border-bottom:1px solid #eee}footer{padding:32px;color:#5f5f5f;font-size:14px;border-top:1px solid #e6e6e0;margin-top:48px}
@media (max-width:700px){header{padding:12px 16px}nav{display:none}.hero{padding:32px 16px}.hero h1{font-size:28px}main{padding:16px}.product{grid-template-columns:1fr}}
`;

/** Counts what the assistant adds to the demo cart (the store's own code, through Closer's JS API hook). */
export const demoStoreJs = `
(function(){
  var key='demo-cart';
  function read(){try{return JSON.parse(sessionStorage.getItem(key)||'[]')}catch(e){return []}}
  function render(){var el=document.getElementById('cart-count');if(el)el.textContent=String(read().reduce(function(n,i){return n+i.quantity},0))}
  function hook(){
    if(!window.Closer||!window.Closer.on){return setTimeout(hook,100)}
    window.Closer.on('add_to_cart',function(item){var items=read();items.push(item);sessionStorage.setItem(key,JSON.stringify(items));render()});
  }
  render();hook();
})();
`;
