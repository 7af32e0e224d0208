// Leaflet and its cluster plugin, bundled by Vite with their CSS (no CDN). The plugin extends
// the global L, so Leaflet must be on window before the plugin's module runs.
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';

(window as unknown as { L: typeof L }).L = L;

export default L;
