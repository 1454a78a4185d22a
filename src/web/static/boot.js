try {
  const d = document.documentElement;
  d.setAttribute('data-mantine-color-scheme', localStorage.getItem('pantau.color-scheme') === 'dark' ? 'dark' : 'light');
  if (localStorage.getItem('pantau.lang') === 'en') d.lang = 'en';
} catch {}
