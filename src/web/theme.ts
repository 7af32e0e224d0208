import { createTheme } from '@mantine/core';

// System fonts only: nothing is fetched from a CDN, and the app works offline.
const systemSans = 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Liberation Sans", "DejaVu Sans", Arial, sans-serif';

export const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: 7,
  fontFamily: systemSans,
  headings: { fontFamily: systemSans, fontWeight: '700' },
  fontFamilyMonospace: 'ui-monospace, "SFMono-Regular", "DejaVu Sans Mono", "Liberation Mono", Menlo, monospace',
  defaultRadius: 'md',
  colors: {
    blue: ['#e8f1fb', '#d0e0f2', '#a3bfe3', '#729bd4', '#4a7dc7', '#3169bf', '#235fbc', '#1c4e80', '#16426f', '#0e3560'],
  },
});
