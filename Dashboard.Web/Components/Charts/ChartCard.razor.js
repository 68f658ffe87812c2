// Charts go live (plotly.js is loaded and draws them) once the reader turns to the page: the first pointer, touch, key,
// wheel or scroll. Until then each chart card shows its first frame, an SVG drawn on the server, and the page's load
// neither fetches nor evaluates plotly.js (docs/decisions/0007-plotly-basic-bundle.md). The page's head loads this module,
// so that it listens from the first paint; the cards import the same module (one instance) to be told.
const intents = ['pointerdown', 'pointermove', 'touchstart', 'keydown', 'wheel', 'scroll'];
const options = { capture: true, passive: true };
const waiting = new Set();
let live = false;

function goLive() {
    if (live) return;
    live = true;
    intents.forEach(e => removeEventListener(e, goLive, options));
    for (const card of waiting) tell(card);
    waiting.clear();
}

function tell(card) {
    card.invokeMethodAsync('GoLive').catch(() => { /* the card is gone */ });
}

intents.forEach(e => addEventListener(e, goLive, options));

/** Calls the card's GoLive now if the reader has turned to the page, or when they do. */
export function whenLive(card) {
    if (live) tell(card); else waiting.add(card);
}

/** Forgets a card that is disposed before the page went live. */
export function forget(card) {
    waiting.delete(card);
}
