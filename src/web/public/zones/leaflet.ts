// Leaflet and its stylesheet, loaded only when a map is drawn (a chunk of their own): the page's content never
// waits for them, and a reader without JavaScript reads the same data in the page's tables and text.
import 'leaflet/dist/leaflet.css';

export * as L from 'leaflet';
