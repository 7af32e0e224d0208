import { useEffect, useRef } from 'react';
import L from './leaflet';
import 'leaflet.markercluster';
import 'leaflet.markercluster/dist/MarkerCluster.css';
import './map.css';
import type { MapPlace } from './api';

// The Leaflet map: one marker per place showing its count, clustered (a cluster shows the sum
// of its places' counts). Tiles only from the configured server; without one the markers sit
// on a plain background. The view is fitted once; live refreshes keep the user's pan and zoom.

interface Props {
  places: MapPlace[];
  tileUrl: string | null;
  attribution: string | null;
  label: (place: MapPlace) => string;
  onOpen: (place: MapPlace) => void;
}

const countOf = (marker: L.Marker) => (marker.options as L.MarkerOptions & { count: number }).count;
const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function placeIcon(place: MapPlace, label: string) {
  return L.divIcon({
    className: `sinergi-marker sinergi-marker-${place.kind}`,
    html: `<span class="sinergi-count" data-count="${place.count}" data-place="${escapeHtml(place.id)}" aria-label="${escapeHtml(label)}">${place.count}</span>`,
    iconSize: L.point(34, 34),
  });
}

export function MapCanvas({ places, tileUrl, attribution, label, onOpen }: Props) {
  const element = useRef<HTMLDivElement>(null);
  const map = useRef<L.Map | null>(null);
  const cluster = useRef<L.MarkerClusterGroup | null>(null);
  const fitted = useRef(false);
  const open = useRef(onOpen);
  open.current = onOpen;

  useEffect(() => {
    if (!element.current) return;
    // the cluster layer needs the map's own maxZoom when there is no tile layer to give it
    const m = L.map(element.current, { zoomControl: true, attributionControl: true, minZoom: 4, maxZoom: 18 }).setView([-4.35, 119.88], 11);
    if (tileUrl) L.tileLayer(tileUrl, { attribution: attribution ?? '', maxZoom: 18 }).addTo(m);
    const group = L.markerClusterGroup({
      showCoverageOnHover: false,
      maxClusterRadius: 40,
      iconCreateFunction: (c) => {
        const n = c.getAllChildMarkers().reduce((sum, marker) => sum + countOf(marker), 0);
        return L.divIcon({
          className: 'sinergi-cluster',
          html: `<span class="sinergi-count" data-count="${n}" data-cluster="${c.getChildCount()}">${n}</span>`,
          iconSize: L.point(42, 42),
        });
      },
    });
    m.addLayer(group);
    map.current = m;
    cluster.current = group;
    fitted.current = false;
    // the container may get its size after mount (drawer, phone layout)
    const resize = new ResizeObserver(() => m.invalidateSize());
    resize.observe(element.current);
    return () => {
      resize.disconnect();
      m.remove();
      map.current = null;
      cluster.current = null;
    };
  }, [tileUrl, attribution]);

  useEffect(() => {
    const m = map.current;
    const group = cluster.current;
    if (!m || !group) return;
    group.clearLayers();
    const markers = places.filter((p) => p.lat !== null && p.lng !== null).map((p) => {
      const text = label(p);
      const marker = L.marker([p.lat!, p.lng!], { icon: placeIcon(p, text), title: text, alt: text, keyboard: true, count: p.count } as L.MarkerOptions);
      marker.on('click', () => open.current(p));
      return marker;
    });
    group.addLayers(markers);
    if (!fitted.current && markers.length > 0) {
      m.fitBounds(L.latLngBounds(markers.map((mk) => mk.getLatLng())).pad(0.2), { maxZoom: 13 });
      fitted.current = true;
    }
  }, [places, label]);

  return <div ref={element} className={tileUrl ? 'sinergi-map' : 'sinergi-map sinergi-map-plain'} data-testid="map-canvas" />;
}
