// Charts go live (plotly.js is loaded and draws them) once the reader turns to the page: the first pointer, touch, key,
// wheel or scroll. Until then each chart card shows its first frame, an SVG drawn on the server, and the page's load
// neither fetches nor evaluates plotly.js (docs/decisions/0007-plotly-basic-bundle.md). The page's head loads this module,
// so that it listens from the first paint; the cards import the same module (one instance) to be told.
// On a phone a card is also rendered whole (its tools, its table, its chart) only once it is on the screen or half a
// screen from it, and not before the reader has turned to the page (ChartCard).
const intents = ['pointerdown', 'pointermove', 'touchstart', 'keydown', 'wheel', 'scroll'];
const options = { capture: true, passive: true };
const waiting = new Set();
const far = new Map();
let live = false;
let nearing;

function goLive() {
    if (live) return;
    live = true;
    intents.forEach(e => removeEventListener(e, goLive, options));
    for (const card of waiting) tell(card);
    waiting.clear();
    watchFar();
}

function tell(card) {
    card.invokeMethodAsync('GoLive').catch(() => { /* the card is gone */ });
}

function watchFar() {
    nearing ??= new IntersectionObserver(entries => {
        for (const entry of entries.filter(e => e.isIntersecting)) {
            const card = far.get(entry.target);
            far.delete(entry.target);
            nearing.unobserve(entry.target);
            card?.invokeMethodAsync('ComeNear').catch(() => { /* the card is gone */ });
        }
    }, { rootMargin: '50% 0px' });
    for (const frame of far.keys()) nearing.observe(frame);
}

intents.forEach(e => addEventListener(e, goLive, options));

// The first frames the server prerendered, by card and picture. The circuit's first render takes each back into a
// <dash-first-frame> of the same key instead of rebuilding it from its SVG markup (ChartCard). The module runs once the
// document is parsed, before blazor.web.js starts the circuit.
const prerendered = new Map([...document.querySelectorAll('svg[data-frame]')].map(svg => [svg.dataset.frame, svg]));

customElements.define('dash-first-frame', class extends HTMLElement {
    static observedAttributes = ['data-frame', 'data-describedby'];

    // Blazor inserts the element, then sets its attributes: this runs within the render batch, before the next paint.
    attributeChangedCallback(name, _old, value) {
        if (name === 'data-frame') {
            const svg = prerendered.get(value);
            prerendered.delete(value);
            this.replaceChildren(...(svg ? [svg] : []));
        }
        // The summary's id is the new card's.
        this.firstElementChild?.setAttribute('aria-describedby', this.dataset.describedby ?? '');
    }
});

/**
 * Calls the card's GoLive now if the reader has turned to the page, or when they do; unless the card is already whole
 * (near), also its ComeNear once the reader has turned to the page and its frame is near the screen. Answers whether the
 * card shows the first frame it took back from the prerendered page.
 */
export function attach(card, frame, near) {
    if (live) tell(card); else waiting.add(card);
    if (!near) {
        far.set(frame, card);
        if (live) watchFar();
    }
    return frame.querySelector('dash-first-frame > svg') !== null;
}

/** Forgets a card that is disposed before the page went live or before it came near. */
export function forget(card) {
    waiting.delete(card);
    for (const [frame, c] of far) {
        if (c === card) {
            far.delete(frame);
            nearing?.unobserve(frame);
        }
    }
}
