// The respondent page's words (issue 11), Bahasa Indonesia first with English. A plain table:
// this page is its own small entry (no i18next, no React) to stay under 60 KB of JavaScript.
export type Lang = 'id' | 'en';

export const strings = {
  loading: { id: 'Memuat survei…', en: 'Loading the survey…' },
  notFound: { id: 'Survei tidak ditemukan. Periksa tautannya.', en: 'Survey not found. Check the link.' },
  offlineLoad: {
    id: 'Tidak dapat memuat survei. Periksa koneksi lalu coba lagi.',
    en: 'Could not load the survey. Check the connection and try again.',
  },
  retry: { id: 'Coba lagi', en: 'Try again' },
  closed: { id: 'Survei ini sedang tidak dibuka.', en: 'This survey is not open.' },
  intro: {
    id: 'Jawaban Anda tanpa nama dan membantu kami memperbaiki layanan. Pilih satu jawaban untuk setiap pertanyaan.',
    en: 'Your answers are anonymous and help us improve the service. Choose one answer for each question.',
  },
  profile: { id: 'Tentang Anda', en: 'About you' },
  age: { id: 'Usia (tahun)', en: 'Age (years)' },
  choose: { id: '— pilih —', en: '— choose —' },
  questions: { id: 'Penilaian layanan', en: 'Rating the service' },
  suggestion: { id: 'Saran (tidak wajib)', en: 'Suggestion (optional)' },
  honeypot: { id: 'Jangan diisi', en: 'Leave empty' },
  send: { id: 'Kirim jawaban', en: 'Send answers' },
  missing: { id: 'Mohon jawab semua pertanyaan yang ditandai.', en: 'Please answer every marked question.' },
  required: { id: 'wajib', en: 'required' },
  queued: {
    id: 'Koneksi terputus. Jawaban disimpan di perangkat ini dan akan dikirim otomatis.',
    en: 'Connection lost. Your answers are saved on this device and will be sent automatically.',
  },
  sending: { id: 'Mengirim…', en: 'Sending…' },
  sent: { id: 'Terkirim. Terima kasih atas penilaian Anda!', en: 'Sent. Thank you for your feedback!' },
  kioskNext: { id: 'Formulir baru dalam beberapa detik…', en: 'A new form in a few seconds…' },
  language: { id: 'English', en: 'Bahasa Indonesia' },
} as const satisfies Record<string, Record<Lang, string>>;

export type Key = keyof typeof strings;
