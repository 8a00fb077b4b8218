/**
 * The panel's stylesheet, adopted into the loader's shadow root next to the
 * launcher's. Greys keep ≥ 4.5:1 on white and on the bubble grey (#f1f3f5);
 * brand colours arrive as custom properties set from JS: --closer-primary and
 * --closer-on-primary (loader), --closer-accent (app, see page-effects.ts).
 */
export const panelCss = `:host{--closer-accent:#1f4e79;--muted:#4a525c;--line:#d5dae0}
.badge{position:absolute;top:-4px;right:-4px;min-width:20px;padding:0 5px;border-radius:10px;background:#c5221f;color:#fff;font:700 12px/20px system-ui,sans-serif}
.badge:empty{display:none}
.sr-only,.banner:empty,.notice:empty{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
.panel{position:fixed;right:20px;bottom:88px;width:380px;max-width:calc(100vw - 40px);height:min(640px,calc(100vh - 108px));display:flex;flex-direction:column;background:#fff;color:#1b1f24;border-radius:16px;box-shadow:0 12px 48px #0004;overflow:hidden;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;animation:rise .2s}
.panel *{box-sizing:border-box}
:host([data-position=bottom-left]) .panel{right:auto;left:20px}
@keyframes rise{from{opacity:0;transform:translateY(12px)}}
.header{display:flex;align-items:center;gap:10px;padding:10px 10px 10px 16px;background:var(--closer-primary);color:var(--closer-on-primary)}
.header div{flex:1}
h2,h3,p{margin:0;font-size:inherit}
h2{font-size:16px}
.avatar{border-radius:50%}
button{all:unset;cursor:pointer}
.header button{padding:5px 10px;border:1px solid;border-radius:8px;font-size:13px;font-weight:600}
.header .icon{border:0;padding:6px;display:grid}
.panel svg{width:22px;height:22px;fill:currentColor}
.banner{padding:8px 16px;font-size:14px;background:#fff4ce;color:#3d2e00}
.log{flex:1;overflow-y:auto;overscroll-behavior:contain;padding:16px 12px}
ol,ul{margin:0;padding:0 0 0 1.3em}
.messages,.cards{list-style:none;padding:0;display:flex;flex-direction:column;gap:10px}
.message{display:flex;flex-direction:column;align-items:flex-start}
.from-shopper{align-items:flex-end}
.from-system{align-items:center;font-size:13px;color:var(--muted)}
.bubble{max-width:85%;padding:9px 13px;border-radius:16px 16px 16px 4px;background:#f1f3f5;overflow-wrap:anywhere}
.from-shopper .bubble{background:var(--closer-primary);color:var(--closer-on-primary);white-space:pre-wrap;border-radius:16px 16px 4px 16px}
.from-system .bubble{background:0}
.bubble>:not(.sr-only)+*{margin-top:.5em}
.bubble a,.link{color:var(--closer-accent);text-decoration:underline}
code{font-size:13px;background:#e3e6ea;padding:0 4px;border-radius:4px}
.md-heading,.link,h2,h3,.price,.status,label{font-weight:600}
.meta{font-size:12px;color:var(--muted);margin:2px 4px 0}
.error,.notice{color:#b3261e}
.typing{display:flex;gap:4px;padding:14px}
.typing i{width:7px;height:7px;border-radius:50%;background:#6b7480;animation:dot .9s infinite alternate}
.typing i+i{animation-delay:.3s}
.typing i+i+i{animation-delay:.6s}
@keyframes dot{to{opacity:.3}}
.cards{margin-top:6px;width:100%;gap:8px}
.card{display:flex;flex-direction:column;align-items:flex-start;gap:6px;border:1px solid var(--line);border-radius:12px;padding:10px;width:100%}
.product{flex-direction:row}
.product img{width:80px;height:80px;object-fit:cover;border-radius:8px}
.product div{flex:1;display:flex;flex-direction:column;align-items:flex-start;gap:6px}
h3 a{color:inherit}
s{color:var(--muted);font-size:13px;margin-left:8px}
label{display:flex;flex-direction:column;gap:2px;width:100%;font-size:14px}
select,input,textarea{font:inherit;font-size:16px;color:inherit;background:#fff;border:1px solid #767f8a;border-radius:8px;padding:8px 10px;width:100%}
.primary,.send{padding:8px 14px;border-radius:8px;background:var(--closer-primary);color:var(--closer-on-primary);font-weight:600;font-size:14px}
:disabled{cursor:default;background:#e3e6ea;color:var(--muted)}
.quick{display:flex;flex-wrap:wrap;gap:6px;padding:0 12px 8px}
.chip{padding:6px 12px;border-radius:16px;border:1px solid var(--closer-accent);color:var(--closer-accent);font-size:14px}
.form{margin:0 12px 8px;width:auto}
fieldset{margin:0 12px 8px;min-width:0}
legend{padding:0;font-weight:600}
.star{font-size:26px;line-height:1;color:#8a6d00;padding:2px 4px}
.star:hover{color:#4d3c00}
.composer{display:flex;flex-wrap:wrap;gap:8px;align-items:flex-end;padding:10px 12px 12px;border-top:1px solid var(--line)}
textarea{flex:1;width:auto;resize:none;min-height:44px;max-height:140px;field-sizing:content}
.send{width:44px;height:44px;padding:11px;border-radius:50%}
.notice{flex-basis:100%;font-size:13px}
.panel:focus{outline:0}
.panel :focus-visible{outline:2px solid var(--closer-accent);outline-offset:2px}
.panel .header :focus-visible{outline-color:currentColor}
@media (max-width:639.98px){
.panel,:host([data-position=bottom-left]) .panel{top:var(--closer-vv-top,0);right:0;bottom:auto;left:0;width:100%;max-width:none;height:var(--closer-vv-height,100dvh);border-radius:0;animation:none}
:host([data-open]) .launcher{display:none}
}
@media (prefers-reduced-motion:reduce){*{animation:none!important;transition:none!important}}`;
