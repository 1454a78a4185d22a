/** Mantine theme: Pantau blue with AA contrast on white text in both colour schemes. */
import { createTheme, type MantineColorsTuple } from '@mantine/core';

const pantau: MantineColorsTuple = [
  '#eaf2fb',
  '#d5e3f3',
  '#a9c5e6',
  '#7aa5d9',
  '#5389ce',
  '#3a78c7',
  '#2c6fc4',
  '#1f5ea9',
  '#1b4f8a',
  '#133d6d',
];

export const theme = createTheme({
  primaryColor: 'pantau',
  primaryShade: { light: 8, dark: 7 },
  colors: { pantau },
  focusRing: 'auto',
  defaultRadius: 'md',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif',
  headings: { fontWeight: '650' },
  cursorType: 'pointer',
  components: {
    // Coloured alert titles (yellow, red on their light backgrounds) fall below 4.5:1 contrast.
    // A plain object, not Alert.extend(): importing Alert here would put it on every first paint.
    Alert: { styles: { title: { color: 'var(--mantine-color-text)' } } },
  },
});

export const COLOR_SCHEME_STORAGE_KEY = 'pantau.color-scheme';
