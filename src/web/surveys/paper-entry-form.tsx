/**
 * Typing paper questionnaires (issue 11 §6): the unit's operator types a stack of SKM or F-03
 * forms, each with its scan. Built for the keyboard: the answers go in one field as digits in
 * the questionnaire's order ("3434…", one per unsur or item), the radio groups below show and
 * correct them; Tab reaches the profile, the suggestion, the scan and "Simpan". After a save the
 * form empties, the focus returns to the answers field and the count of typed forms goes up.
 * Everything is checked here first (answers, required profile, the scan) with translated
 * messages; the server's refusal is shown translated too.
 */
import { useRef, useState } from 'react';
import { Alert, Button, Card, FileInput, Group, NativeSelect, Radio, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SurveyQuestionnaire } from '../../shared/wire/surveys.ts';
import { errorMessage } from '../lib/error-message.ts';
import { useFormat } from '../lib/format.ts';

/** One typed form: answers by item code, profile by field code, the scan file. */
export interface PaperForm {
  /** Made once per form: a save retried after a lost reply is not counted twice. */
  id: string;
  answers: Record<string, number>;
  profile: Record<string, string>;
  suggestion: string;
  scan: File;
}

export interface PaperEntryFormProps {
  questionnaire: SurveyQuestionnaire;
  /** Saves one form (uploads the scan, then the answers); resolves to whether it was accepted. */
  onSave: (form: PaperForm) => Promise<{ accepted: boolean }>;
}

/** Accepted scan types (the evidence store checks the file's structure). */
const SCAN_ACCEPT = 'application/pdf,image/jpeg,image/png,image/webp';

/** The answers field's text for the current answers: one character per item, '-' for none. */
export function answersText(codes: string[], answers: Record<string, number>): string {
  const chars = codes.map((c) => (answers[c] === undefined ? '-' : String(answers[c])));
  while (chars.length > 0 && chars.at(-1) === '-') chars.pop();
  return chars.join('');
}

/**
 * Reads the answers field: character k answers item k ('-' or a space leaves it empty). Returns
 * the answers and the first character that is no answer of its item (null when all are).
 */
export function parseAnswers(
  questions: SurveyQuestionnaire['questions'],
  text: string,
): { answers: Record<string, number>; invalid: { code: string; char: string } | null } {
  const answers: Record<string, number> = {};
  let invalid: { code: string; char: string } | null = null;
  [...text].slice(0, questions.length).forEach((char, k) => {
    const q = questions[k]!;
    if (char === '-' || char === ' ') return;
    const level = q.levels.find((l) => String(l.value) === char);
    if (level) answers[q.code] = level.value;
    else invalid ??= { code: q.code, char };
  });
  return { answers, invalid };
}

const emptyProfile = (q: SurveyQuestionnaire): Record<string, string> => Object.fromEntries(q.profile.map((p) => [p.code, '']));

export function PaperEntryForm({ questionnaire: q, onSave }: PaperEntryFormProps) {
  const { t } = useTranslation('surveys');
  const f = useFormat();
  const codes = q.questions.map((x) => x.code);
  const quick = useRef<HTMLInputElement>(null);
  const formId = useRef(crypto.randomUUID());
  const [answers, setAnswers] = useState<Record<string, number>>({});
  const [text, setText] = useState('');
  const [invalid, setInvalid] = useState<{ code: string; char: string } | null>(null);
  const [profile, setProfile] = useState<Record<string, string>>(() => emptyProfile(q));
  const [suggestion, setSuggestion] = useState('');
  const [scan, setScan] = useState<File | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [typed, setTyped] = useState({ accepted: 0, flagged: 0 });
  const [last, setLast] = useState<{ n: number; accepted: boolean } | null>(null);
  // The scan field is remounted empty after each save (a file input cannot be cleared otherwise).
  const [formKey, setFormKey] = useState(0);

  const onText = (value: string) => {
    const clean = value.replace(/[^0-9\- ]/g, '').slice(0, codes.length);
    const parsed = parseAnswers(q.questions, clean);
    setText(clean);
    setAnswers(parsed.answers);
    setInvalid(parsed.invalid);
  };
  const onRadio = (code: string, value: string) => {
    const next = { ...answers, [code]: Number(value) };
    setAnswers(next);
    setText(answersText(codes, next));
    setInvalid(null);
  };

  const check = (): string[] => {
    const out: string[] = [];
    const missing = codes.filter((c) => answers[c] === undefined);
    if (invalid) out.push(t('paper.invalid_answer', { code: invalid.code, value: invalid.char, range: rangeOf(invalid.code) }));
    if (missing.length > 0) out.push(t('paper.missing_answers', { list: missing.join(', ') }));
    for (const p of q.profile) if (p.required && !profile[p.code]) out.push(t('paper.missing_profile', { field: p.label[f.lang] }));
    if (!scan) out.push(t('paper.missing_scan'));
    return out;
  };
  const rangeOf = (code: string) => {
    const levels = q.questions.find((x) => x.code === code)?.levels ?? [];
    return levels.length === 0 ? '' : `${levels[0]!.value}–${levels.at(-1)!.value}`;
  };

  const save = async () => {
    setFailure(null);
    const found = check();
    setProblems(found);
    if (found.length > 0) return;
    setPending(true);
    try {
      const out = await onSave({
        id: formId.current,
        answers,
        profile: Object.fromEntries(Object.entries(profile).filter(([, v]) => v !== '')),
        suggestion: suggestion.trim(),
        scan: scan!,
      });
      const n = typed.accepted + typed.flagged + 1;
      setTyped((c) => (out.accepted ? { ...c, accepted: c.accepted + 1 } : { ...c, flagged: c.flagged + 1 }));
      setLast({ n, accepted: out.accepted });
      formId.current = crypto.randomUUID();
      setAnswers({});
      setText('');
      setProfile(emptyProfile(q));
      setSuggestion('');
      setScan(null);
      setFormKey((k) => k + 1);
      quick.current?.focus();
    } catch (error) {
      setFailure(errorMessage(t, error));
    } finally {
      setPending(false);
    }
  };

  return (
    <form
      noValidate
      aria-label={t('paper.form')}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
      onKeyDown={(e) => {
        // Ctrl+Enter saves from anywhere (Enter in the suggestion is a new line).
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
          e.preventDefault();
          void save();
        }
      }}
    >
      <Stack gap="md">
        <Text size="sm" role="status" data-testid="paper-count">
          {t('paper.count', {
            n: f.integer(typed.accepted + typed.flagged),
            accepted: f.integer(typed.accepted),
            flagged: f.integer(typed.flagged),
          })}
          {last ? ` ${last.accepted ? t('paper.saved', { n: last.n }) : t('paper.saved_flagged', { n: last.n })}` : ''}
        </Text>
        {failure && (
          <Alert color="red" role="alert" title={t('paper.failed')}>
            {failure}
          </Alert>
        )}
        {problems.length > 0 && (
          <Alert color="red" role="alert" title={t('paper.check')} data-testid="paper-problems">
            <Stack gap={2}>
              {problems.map((p) => (
                <Text key={p} size="sm">
                  {p}
                </Text>
              ))}
            </Stack>
          </Alert>
        )}

        <TextInput
          ref={quick}
          // Typing a stack of forms starts here.
          autoFocus
          label={t('paper.quick', { first: codes[0], last: codes.at(-1) })}
          description={t('paper.quick_hint', { n: codes.length, range: rangeOf(codes[0] ?? '') })}
          value={text}
          onChange={(e) => onText(e.currentTarget.value)}
          inputMode="numeric"
          autoComplete="off"
          maxLength={codes.length}
          error={invalid ? t('paper.invalid_answer', { code: invalid.code, value: invalid.char, range: rangeOf(invalid.code) }) : null}
          styles={{ input: { fontFamily: 'monospace', letterSpacing: '0.3em', fontSize: 20 } }}
          data-testid="paper-quick"
        />

        <Card withBorder padding="sm">
          <Title order={2} size="h5" mb="xs">
            {t('paper.answers')}
          </Title>
          <Stack gap="sm">
            {q.questions.map((x) => (
              <Radio.Group
                key={x.code}
                label={`${x.code} ${x.text[f.lang]}`}
                value={answers[x.code] === undefined ? '' : String(answers[x.code])}
                onChange={(v) => onRadio(x.code, v)}
              >
                <Group gap="md" mt={4} wrap="wrap">
                  {x.levels.map((l) => (
                    <Radio key={l.value} value={String(l.value)} label={`${l.value} · ${l.label[f.lang]}`} />
                  ))}
                </Group>
              </Radio.Group>
            ))}
          </Stack>
        </Card>

        {q.profile.length > 0 && (
          <Card withBorder padding="sm">
            <Title order={2} size="h5" mb="xs">
              {t('paper.profile')}
            </Title>
            <Group grow align="flex-start" wrap="wrap" gap="sm">
              {q.profile.map((p) =>
                p.kind === 'text' ? (
                  <TextInput
                    key={p.code}
                    miw={200}
                    label={p.label[f.lang]}
                    required={p.required}
                    value={profile[p.code] ?? ''}
                    onChange={(e) => setProfile({ ...profile, [p.code]: e.currentTarget.value })}
                  />
                ) : (
                  <NativeSelect
                    key={p.code}
                    miw={200}
                    label={p.label[f.lang]}
                    required={p.required}
                    value={profile[p.code] ?? ''}
                    onChange={(e) => setProfile({ ...profile, [p.code]: e.currentTarget.value })}
                    data={[
                      { value: '', label: p.required ? t('paper.choose') : t('paper.not_filled') },
                      ...p.options.map((o) => ({ value: o.code, label: o.label[f.lang] })),
                    ]}
                  />
                ),
              )}
            </Group>
          </Card>
        )}

        <Textarea
          label={t('paper.suggestion')}
          autosize
          minRows={2}
          maxLength={2000}
          value={suggestion}
          onChange={(e) => setSuggestion(e.currentTarget.value)}
        />
        <FileInput
          key={formKey}
          label={t('paper.scan')}
          description={t('paper.scan_hint')}
          placeholder={t('paper.scan_placeholder')}
          required
          accept={SCAN_ACCEPT}
          value={scan}
          onChange={setScan}
          clearable
          clearButtonProps={{ 'aria-label': t('paper.scan_clear') }}
        />
        <Group>
          <Button type="submit" loading={pending}>
            {t('paper.save')}
          </Button>
          <Text size="sm" c="dimmed">
            {t('paper.save_hint')}
          </Text>
        </Group>
      </Stack>
    </form>
  );
}
