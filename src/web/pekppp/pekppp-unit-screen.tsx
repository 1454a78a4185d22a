/**
 * One unit of a PEKPPP cycle (issue 10): the unit's F-01 (per indicator the claimed level 0–5
 * with every level's descriptor, statement, evidence files and links, drafts, progress per
 * aspect, submit → locked) beside the evaluator's F-02 workbench (level, reason, data sources;
 * filters; clarification on chosen indicators; reopen; finalise), and the clarification answers.
 * One column on a phone, claim and verdict side by side from 900 px.
 */
import {
  Alert,
  Badge,
  Button,
  Card,
  Checkbox,
  Chip,
  FileButton,
  Group,
  NativeSelect,
  Progress,
  Radio,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useParams } from '@tanstack/react-router';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PekpppIndicator, PekpppUnitView } from '../../shared/wire/pekppp.ts';
import { zoneOf, zoneOffset } from '../../shared/local-time.ts';
import type { CycleSummary } from '../../shared/wire/cycles.ts';
import { useMe } from '../api/auth.ts';
import { useLinkLibraryDocument } from '../api/library-docs-writes.ts';
import { LibraryPicker } from '../ui/library-picker.tsx';
import { useCycles } from '../api/cycles.ts';
import { MandiriNote } from '../ui/mandiri-note.tsx';
import { organisationLabel } from '../ui/organisation-label.ts';
import { useCreateSurvey } from '../api/surveys-writes.ts';
import { evidenceHref } from '../api/evidence.ts';
import { useCycleScheme } from '../api/cycle-scheme.ts';
import { usePekpppUnit } from '../api/pekppp.ts';
import {
  useAnswerClarification,
  useFinalise,
  useReopenClaims,
  useRequestClarification,
  useSaveClaims,
  useSaveVerdicts,
  useSubmitClaims,
  useUploadIndicatorEvidence,
} from '../api/pekppp-writes.ts';
import { errorMessage } from '../lib/error-message.ts';
import { formatDate, formatDecimal, toLang } from '../lib/format.ts';
import { ClaimChart } from '../ui/claim-chart.tsx';
import { F03Card, F03Results } from './f03-card.tsx';
import { IkmEvidenceLines, IkmPicker } from '../ui/ikm-evidence.tsx';

type Filter = 'all' | 'unclaimed' | 'unscored' | 'differs';
interface ClaimDraft {
  level: number | null;
  statement: string;
  links: string[];
}
interface VerdictDraft {
  level: number | null;
  reason: string;
  sources: string[];
}

export function PekpppUnitScreen() {
  const { cycleId, unitId } = useParams({ strict: false }) as { cycleId: string; unitId: string };
  const { t } = useTranslation('pekppp');
  const me = useMe().data;
  const query = usePekpppUnit(cycleId, unitId);
  const cycle = useCycles().data?.find((c) => c.id === cycleId);
  if (query.isPending) return <Text>{t('loading')}</Text>;
  if (query.isError) return <Alert color="red">{errorMessage(t, query.error)}</Alert>;
  const role = me?.role;
  const claimant = role === 'operator' || role === 'koordinator' || role === 'admin';
  const evaluator = role === 'evaluator' || role === 'admin';
  const surveyReader = claimant || role === 'pimpinan';
  const offsetMinutes = zoneOffset(zoneOf(me?.provinceCode));
  return (
    <Workbench
      view={query.data}
      claimant={claimant}
      evaluator={evaluator}
      surveyReader={surveyReader}
      offsetMinutes={offsetMinutes}
      library={role === 'operator' || role === 'koordinator'}
      cycle={cycle}
    />
  );
}

export function Workbench({
  view,
  claimant,
  evaluator,
  surveyReader = false,
  offsetMinutes = 420,
  library = false,
  cycle,
}: {
  view: PekpppUnitView;
  claimant: boolean;
  evaluator: boolean;
  /** Who sees the F-03 questionnaire's counts (the unit's side and the pimpinan). */
  surveyReader?: boolean;
  /** The body's UTC offset for the F-03 set-up dates (WIB by default). */
  offsetMinutes?: number;
  /** The unit's evidence library may be picked from (its operator and koordinator, issue 12 §3). */
  library?: boolean;
  /** The cycle's summary: a "mandiri" cycle says whether KemenPANRB validated it. */
  cycle?: CycleSummary | undefined;
}) {
  // The top of the result scale (5 for the IPP) from the cycle's frozen scheme, for the claim chart.
  const resultMax = useCycleScheme(view.cycleId).data?.scheme.result.max;
  const { t, i18n } = useTranslation('pekppp');
  const lang = toLang(i18n.language);
  const { cycleId, unitId } = view;
  const [filter, setFilter] = useState<Filter>('all');
  const [claims, setClaims] = useState<Record<string, ClaimDraft>>({});
  const [verdicts, setVerdicts] = useState<Record<string, VerdictDraft>>({});
  const [chosen, setChosen] = useState<string[]>([]);
  const [question, setQuestion] = useState('');
  const [reopenNote, setReopenNote] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const saveClaims = useSaveClaims(cycleId, unitId);
  const submitClaims = useSubmitClaims(cycleId, unitId);
  const reopen = useReopenClaims(cycleId, unitId);
  const saveVerdicts = useSaveVerdicts(cycleId, unitId);
  const clarify = useRequestClarification(cycleId, unitId);
  const finalise = useFinalise(cycleId, unitId);
  const createSurvey = useCreateSurvey();
  const editClaims = claimant && view.claimEditable;
  const verdictOpen = evaluator && view.unitStatus !== 'submitted' && view.unitStatus !== 'approved';
  // The unit sees the verdict once the evaluator has finalised.
  const showVerdict = evaluator || view.finalisedAt !== null;

  const done = (text: string) => setMessage({ ok: true, text });
  const failed = (e: unknown) => setMessage({ ok: false, text: errorMessage(t, e) });

  const claimOf = (i: PekpppIndicator): ClaimDraft =>
    claims[i.code] ?? { level: i.claim.level, statement: i.claim.statement, links: i.claim.links };
  const verdictOf = (i: PekpppIndicator): VerdictDraft =>
    verdicts[i.code] ?? { level: i.verdict.level, reason: i.verdict.reason, sources: i.verdict.sources };

  const shown = useMemo(
    () =>
      view.indicators.filter((i) =>
        filter === 'unclaimed'
          ? i.claim.level === null
          : filter === 'unscored'
            ? i.verdict.level === null
            : filter === 'differs'
              ? i.claim.level !== null && i.verdict.level !== null && i.claim.level !== i.verdict.level
              : true,
      ),
    [view.indicators, filter],
  );
  // The unit filters on what it has not claimed yet; the evaluator (and the unit once the verdict
  // is shown) on what is not scored yet and where the claim differs from the verdict.
  const filters: Filter[] = showVerdict ? ['all', 'unscored', 'differs'] : ['all', 'unclaimed'];
  const verifiedAll = view.aspects.every((a) => a.verified === a.indicators);
  // Why "Kirim F-01" cannot be pressed yet: unsaved changes first, then indicators not claimed or
  // missing what the library requires (the server checks the same and says which).
  const unclaimed = view.indicators.filter((i) => i.claimProblems.length > 0).length;
  const submitBlocked =
    Object.keys(claims).length > 0 ? t('claim.blockedUnsaved') : unclaimed > 0 ? t('claim.blockedIncomplete', { n: unclaimed }) : null;
  const verified = verifiedResult(view, verifiedAll, lang);
  const aspectTitle = (code: string) => view.aspects.find((a) => a.code === code)?.title[lang] ?? code;
  // Scrolls the aspect's first indicator to just under the sticky bar and moves the focus there.
  const jumpTo = (code: string) => {
    const target = document.getElementById(`aspect-${code}`);
    if (!target) return;
    // Where the sticky bar's bottom will be once stuck (its `top` under the header, plus its height).
    const bar = document.querySelector<HTMLElement>('[data-testid="pekppp-actions"]');
    const covered = bar ? Number.parseFloat(getComputedStyle(bar).top) + bar.offsetHeight : 0;
    window.scrollTo({ top: target.getBoundingClientRect().top + window.scrollY - covered - 8 });
    target.focus({ preventScroll: true });
  };

  return (
    <Stack gap="lg" maw={1200}>
      <Stack gap={4}>
        <Text size="sm" c="dimmed">
          {t('kicker', { cycle: view.cycleName })}
        </Text>
        <Title order={1} size="h3">
          {view.unitName} · {view.bodyName}
        </Title>
        <Text size="sm" data-testid="evaluator-organisation">
          {view.evaluatorOrganisation
            ? t('evaluatedBy', { organisation: organisationLabel(t, view.evaluatorOrganisation) })
            : t('noEvaluatorOrganisation')}
        </Text>
        <MandiriNote cycle={cycle} />
        <Group gap="xs">
          <Badge data-testid="claim-status" color={view.claimStatus === 'submitted' ? 'blue' : 'gray'}>
            {t(`claimStatus.${view.claimStatus}`)}
          </Badge>
          <Badge data-testid="unit-status" variant="light">
            {t(`unitStatus.${view.unitStatus}`)}
          </Badge>
        </Group>
        {view.reopenNote && view.claimStatus === 'reopened' ? (
          <Alert color="yellow">{t('reopened', { note: view.reopenNote })}</Alert>
        ) : null}
      </Stack>

      <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="sm" aria-label={t('progress')}>
        {view.aspects.map((a) => (
          <Card key={a.code} withBorder padding="sm">
            <Text size="sm" fw={600}>
              {a.title[lang]}
            </Text>
            <Text size="xs" c="dimmed">
              {t('aspectProgress', { claimed: a.claimed, verified: a.verified, total: a.indicators })}
            </Text>
            <Progress
              value={(100 * a.claimed) / Math.max(a.indicators, 1)}
              size="sm"
              mt={4}
              aria-label={t('aspectProgressLabel', { aspect: a.title[lang] })}
            />
          </Card>
        ))}
        {/* issue 11: the unit's F-03 public questionnaire against the locus quota. */}
        <F03Card
          view={view}
          canOpen={claimant}
          canRead={surveyReader}
          offsetMinutes={offsetMinutes}
          onOpen={(input) => createSurvey.mutateAsync({ unitId, input })}
        />
      </SimpleGrid>

      {view.result ? (
        <Card withBorder padding="md" data-testid="pekppp-result">
          <Title order={2} size="h5">
            {t('result.title')}
          </Title>
          {/* The verified IPP only once every indicator has a verdict (a partial F-02 would read as a low IPP). */}
          {verified !== null ? (
            <Text data-testid="pekppp-ipp">
              {t('result.ipp', { ipp: formatDecimal(verified.ipp, lang), predicate: verified.predicate, label: verified.label[lang] })}
            </Text>
          ) : (
            <Text size="sm" data-testid="pekppp-ipp-pending">
              {evaluator ? t('result.pendingVerdicts') : t('result.pendingFinal')}
            </Text>
          )}
          <Text size="sm" c="dimmed">
            {t('result.claimed', { ipp: formatDecimal(view.result.claimedIpp, lang), predicate: view.result.claimedPredicate })}
          </Text>
          {resultMax !== undefined && verified !== null && (
            <ClaimChart
              dimension={t('claims.aspect')}
              max={resultMax}
              aspects={verified.aspects}
              labels={{
                title: t('claims.title'),
                note: t('claims.note'),
                claimed: t('claims.claimed'),
                verified: t('claims.verified'),
                difference: t('claims.difference'),
                chart: t('claims.chart'),
              }}
            />
          )}
        </Card>
      ) : null}

      {/* issue 11: the F-03 results per aspect and item, beside the IPP as the library says. */}
      {view.f03 && view.f03.accepted > 0 ? <F03Results f03={view.f03} /> : null}

      {message ? (
        <Alert
          color={message.ok ? 'green' : 'red'}
          role="status"
          withCloseButton
          closeButtonLabel={t('dismiss')}
          onClose={() => setMessage(null)}
        >
          {message.text}
        </Alert>
      ) : null}

      {/* Filters and the save / submit buttons stay in view below the header: F-01 is some thirty
          indicators long, and on a phone the buttons would otherwise be a long scroll away. */}
      <Group justify="space-between" wrap="wrap" className="pekppp-actions" data-testid="pekppp-actions">
        <Chip.Group value={filter} onChange={(v) => setFilter(v as Filter)}>
          <Group gap="xs" role="radiogroup" aria-label={t('filter.label')}>
            {filters.map((f) => (
              <Chip key={f} value={f} type="radio" size="sm">
                {t(`filter.${f}`)}
              </Chip>
            ))}
          </Group>
        </Chip.Group>
        {/* The F-01 page is long (six aspects, ~30 indicators): jump to an aspect's first indicator. */}
        <NativeSelect
          size="sm"
          aria-label={t('jump.label')}
          value=""
          data-testid="aspect-jump"
          onChange={(e) => jumpTo(e.currentTarget.value)}
          data={[
            { value: '', label: t('jump.placeholder') },
            ...view.aspects.filter((a) => shown.some((i) => i.aspect === a.code)).map((a) => ({ value: a.code, label: a.title[lang] })),
          ]}
          style={{ flex: '1 1 12rem', maxWidth: '20rem' }}
        />
        <Group gap="xs">
          {editClaims ? (
            <>
              <Button
                variant="light"
                loading={saveClaims.isPending}
                onClick={() =>
                  saveClaims.mutate(
                    { indicators: claims },
                    {
                      onSuccess: () => {
                        setClaims({});
                        done(t('saved'));
                      },
                      onError: failed,
                    },
                  )
                }
              >
                {t('claim.save')}
              </Button>
              <Button
                loading={submitClaims.isPending}
                disabled={submitBlocked !== null}
                aria-describedby={submitBlocked ? 'submit-blocked' : undefined}
                onClick={() => submitClaims.mutate(undefined, { onSuccess: () => done(t('claim.submitted')), onError: failed })}
              >
                {t('claim.submit')}
              </Button>
              {submitBlocked ? (
                <Text size="sm" id="submit-blocked" data-testid="submit-blocked" w="100%">
                  {submitBlocked}
                </Text>
              ) : null}
            </>
          ) : null}
          {verdictOpen ? (
            <>
              <Button
                variant="light"
                loading={saveVerdicts.isPending}
                onClick={() =>
                  saveVerdicts.mutate(
                    { indicators: verdicts },
                    {
                      onSuccess: () => {
                        setVerdicts({});
                        done(t('saved'));
                      },
                      onError: failed,
                    },
                  )
                }
              >
                {t('verdict.save')}
              </Button>
              <Button
                loading={finalise.isPending}
                disabled={Object.keys(verdicts).length > 0}
                onClick={() => finalise.mutate(undefined, { onSuccess: () => done(t('verdict.finalised')), onError: failed })}
              >
                {t('verdict.finalise')}
              </Button>
            </>
          ) : null}
        </Group>
      </Group>

      {verdictOpen ? (
        <Card withBorder padding="md">
          <Stack gap="xs">
            <Text fw={600}>{t('clarify.title', { days: view.clarificationDays })}</Text>
            <Text size="sm" c="dimmed">
              {chosen.length === 0 ? t('clarify.none') : t('clarify.chosen', { codes: chosen.join(', ') })}
            </Text>
            <Textarea
              label={t('clarify.question')}
              value={question}
              onChange={(e) => setQuestion(e.currentTarget.value)}
              autosize
              minRows={2}
            />
            <Group>
              <Button
                variant="light"
                disabled={chosen.length === 0 || question.trim() === ''}
                loading={clarify.isPending}
                onClick={() =>
                  clarify.mutate(
                    { indicators: chosen, question },
                    {
                      onSuccess: (c) => {
                        setChosen([]);
                        setQuestion('');
                        done(t('clarify.sent', { lastDay: formatDate(c.lastDay, lang) }));
                      },
                      onError: failed,
                    },
                  )
                }
              >
                {t('clarify.request')}
              </Button>
            </Group>
            {view.claimStatus === 'submitted' ? (
              <Group align="end">
                <TextInput label={t('reopen.note')} value={reopenNote} onChange={(e) => setReopenNote(e.currentTarget.value)} />
                <Button
                  variant="subtle"
                  disabled={reopenNote.trim() === ''}
                  onClick={() =>
                    reopen.mutate(reopenNote, {
                      onSuccess: () => {
                        setReopenNote('');
                        done(t('reopen.done'));
                      },
                      onError: failed,
                    })
                  }
                >
                  {t('reopen.action')}
                </Button>
              </Group>
            ) : null}
          </Stack>
        </Card>
      ) : null}

      <Clarifications view={view} claimant={claimant} onDone={done} onError={failed} />

      <Stack gap="md">
        {shown.map((i, k) => (
          <Card key={i.code} withBorder padding="md" data-testid={`indicator-${i.code}`}>
            {k === 0 || shown[k - 1]!.aspect !== i.aspect ? (
              <Text size="xs" tt="uppercase" c="dimmed" mb={4} id={`aspect-${i.aspect}`} tabIndex={-1}>
                {aspectTitle(i.aspect)}
              </Text>
            ) : null}
            <Group justify="space-between" align="start" wrap="nowrap">
              <Text fw={600}>
                {i.code}. {i.text[lang]}
              </Text>
              {verdictOpen ? (
                <Checkbox
                  label={t('clarify.pickShort')}
                  aria-label={t('clarify.pick', { code: i.code })}
                  checked={chosen.includes(i.code)}
                  onChange={(e) => {
                    const on = e.currentTarget.checked;
                    setChosen((c) => (on ? [...c, i.code] : c.filter((x) => x !== i.code)));
                  }}
                />
              ) : null}
            </Group>
            <SimpleGrid cols={{ base: 1, md: showVerdict ? 2 : 1 }} spacing="lg" mt="sm">
              <ClaimColumn
                indicator={i}
                draft={claimOf(i)}
                editable={editClaims}
                library={library}
                cycleId={cycleId}
                unitId={unitId}
                onChange={(d) => setClaims((c) => ({ ...c, [i.code]: d }))}
                onError={failed}
              />
              {showVerdict ? (
                <VerdictColumn
                  indicator={i}
                  draft={verdictOf(i)}
                  editable={verdictOpen}
                  sources={view.dataSources}
                  onChange={(d) => setVerdicts((v) => ({ ...v, [i.code]: d }))}
                />
              ) : null}
            </SimpleGrid>
          </Card>
        ))}
      </Stack>
    </Stack>
  );
}

const linkOk = (s: string) => s.trim() === '' || /^https?:\/\/\S+$/.test(s.trim());

/** The verified side of the result, when there is one to show (every verdict in, and visible to the caller). */
function verifiedResult(view: PekpppUnitView, verifiedAll: boolean, lang: 'id' | 'en') {
  const r = view.result;
  if (r === null || r.ipp === null || r.predicate === null || r.label === null || !verifiedAll) return null;
  return {
    ipp: r.ipp,
    predicate: r.predicate,
    label: r.label,
    aspects: r.aspects.map((a) => ({ code: a.code, title: a.title[lang], claimed: a.claimed, verified: a.verified ?? 0 })),
  };
}

function ClaimColumn(props: {
  indicator: PekpppIndicator;
  draft: ClaimDraft;
  editable: boolean;
  library?: boolean;
  cycleId: string;
  unitId: string;
  onChange: (d: ClaimDraft) => void;
  onError: (e: unknown) => void;
}) {
  const { indicator: i, draft, editable } = props;
  const { t, i18n } = useTranslation('pekppp');
  const lang = toLang(i18n.language);
  const [link, setLink] = useState('');
  const upload = useUploadIndicatorEvidence(props.cycleId, props.unitId);
  const linkDocument = useLinkLibraryDocument();
  return (
    <Stack gap="xs" aria-label={t('claim.title')}>
      <Text size="sm" fw={600}>
        {t('claim.title')}
      </Text>
      {editable ? (
        <Radio.Group
          value={draft.level === null ? '' : String(draft.level)}
          onChange={(v) => props.onChange({ ...draft, level: Number(v) })}
          name={`claim-${i.code}`}
          label={t('claim.level')}
        >
          <Stack gap={6} mt={4}>
            {i.levels.map((l) => (
              <Radio
                key={l.value}
                value={String(l.value)}
                label={`${l.value} — ${l.descriptor[lang]}`}
                data-testid={`claim-${i.code}-${l.value}`}
              />
            ))}
          </Stack>
        </Radio.Group>
      ) : (
        // Read-only (submitted, or the evaluator's view): the claimed level and its descriptor, not six greyed options.
        <Text size="sm" data-testid={`claimed-${i.code}`}>
          {draft.level === null
            ? t('claim.noLevel')
            : t('claim.chosen', { level: draft.level, descriptor: i.levels.find((l) => l.value === draft.level)?.descriptor[lang] ?? '' })}
        </Text>
      )}
      {editable ? (
        <Textarea
          label={t('claim.statement')}
          value={draft.statement}
          autosize
          minRows={2}
          onChange={(e) => props.onChange({ ...draft, statement: e.currentTarget.value })}
        />
      ) : draft.statement !== '' ? (
        <Text size="sm">
          <b>{t('claim.statement')}:</b> {draft.statement}
        </Text>
      ) : null}
      {i.documents.length > 0 ? (
        <Text size="xs" c="dimmed">
          {t('claim.documents', { list: i.documents.map((d) => d[lang]).join('; ') })}
        </Text>
      ) : null}
      {/* Long evidence addresses wrap instead of running out of the card on a phone. */}
      <Stack gap={2} style={{ overflowWrap: 'anywhere' }}>
        {i.claim.files.map((f) => (
          <a key={f.id} href={evidenceHref(f.id)} target="_blank" rel="noreferrer">
            {f.filename}
          </a>
        ))}
        {draft.links.map((l) => (
          <Group key={l} gap="xs">
            <a href={l} target="_blank" rel="noreferrer noopener">
              {l}
            </a>
            {editable ? (
              <Button
                size="compact-xs"
                variant="subtle"
                onClick={() => props.onChange({ ...draft, links: draft.links.filter((x) => x !== l) })}
              >
                {t('claim.removeLink')}
              </Button>
            ) : null}
          </Group>
        ))}
        <IkmEvidenceLines items={i.claim.ikm} cycleId={props.cycleId} unitId={props.unitId} editable={editable} />
      </Stack>
      {editable ? (
        <Group gap="xs" align="end">
          <TextInput
            label={t('claim.link')}
            placeholder="https://"
            value={link}
            onChange={(e) => setLink(e.currentTarget.value)}
            style={{ flex: 1, minWidth: 180 }}
          />
          <Button
            variant="light"
            disabled={!/^https?:\/\/\S+$/.test(link)}
            onClick={() => {
              props.onChange({ ...draft, links: [...draft.links, link] });
              setLink('');
            }}
          >
            {t('claim.addLink')}
          </Button>
          <FileButton
            accept="application/pdf,image/jpeg,image/png,image/webp"
            onChange={(file) => file && upload.mutate({ indicator: i.code, kind: 'f01', file }, { onError: props.onError })}
          >
            {(p) => (
              <Button {...p} variant="default" loading={upload.isPending}>
                {t('claim.upload')}
              </Button>
            )}
          </FileButton>
          {i.takesIkm ? (
            <IkmPicker cycleId={props.cycleId} unitId={props.unitId} indicator={i.code} attached={i.claim.ikm.map((e) => e.surveyId)} />
          ) : null}
          {props.library ? (
            <LibraryPicker
              unitId={props.unitId}
              cycleId={props.cycleId}
              indicator={i.code}
              onPick={(doc) =>
                linkDocument.mutateAsync({ documentId: doc.id, link: { cycleId: props.cycleId, indicator: i.code, kind: 'f01' } })
              }
            />
          ) : null}
        </Group>
      ) : null}
      {editable && i.claimProblems.length > 0 ? (
        <Text size="xs" className="warning-text">
          {i.claimProblems.join(' ')}
        </Text>
      ) : null}
    </Stack>
  );
}

function VerdictColumn(props: {
  indicator: PekpppIndicator;
  draft: VerdictDraft;
  editable: boolean;
  sources: PekpppUnitView['dataSources'];
  onChange: (d: VerdictDraft) => void;
}) {
  const { indicator: i, draft, editable } = props;
  const { t, i18n } = useTranslation('pekppp');
  const lang = toLang(i18n.language);
  return (
    <Stack gap="xs" aria-label={t('verdict.title')}>
      <Group gap="xs">
        <Text size="sm" fw={600}>
          {t('verdict.title')}
        </Text>
        {i.difference !== null && i.difference !== 0 ? (
          // The text colour on the light tint: Mantine's orange on orange-light is 3.6:1 (axe).
          <Badge color={i.difference > 0 ? 'orange' : 'teal'} variant="light" c="var(--mantine-color-text)">
            {i.difference > 0 ? t('verdict.over', { n: i.difference }) : t('verdict.under', { n: -i.difference })}
          </Badge>
        ) : null}
      </Group>
      <SegmentedControl
        disabled={!editable}
        value={draft.level === null ? '' : String(draft.level)}
        onChange={(v) => props.onChange({ ...draft, level: Number(v) })}
        data={i.levels.map((l) => ({ value: String(l.value), label: String(l.value) }))}
        aria-label={t('verdict.level', { code: i.code })}
        data-testid={`verdict-${i.code}`}
      />
      {draft.level !== null ? (
        <Text size="xs" c="dimmed">
          {i.levels.find((l) => l.value === draft.level)?.descriptor[lang]}
        </Text>
      ) : null}
      <Textarea
        label={t('verdict.reason')}
        value={draft.reason}
        readOnly={!editable}
        autosize
        minRows={2}
        onChange={(e) => props.onChange({ ...draft, reason: e.currentTarget.value })}
        data-testid={`reason-${i.code}`}
      />
      <Checkbox.Group label={t('verdict.sources')} value={draft.sources} onChange={(v) => props.onChange({ ...draft, sources: v })}>
        <Group gap="md" mt={4}>
          {props.sources.map((s) => (
            <Checkbox key={s.code} value={s.code} label={s.label[lang]} disabled={!editable} />
          ))}
        </Group>
      </Checkbox.Group>
    </Stack>
  );
}

function Clarifications(props: { view: PekpppUnitView; claimant: boolean; onDone: (t: string) => void; onError: (e: unknown) => void }) {
  const { view, claimant } = props;
  const { t, i18n } = useTranslation('pekppp');
  const lang = toLang(i18n.language);
  const answer = useAnswerClarification(view.cycleId, view.unitId);
  const upload = useUploadIndicatorEvidence(view.cycleId, view.unitId);
  const [uploading, setUploading] = useState<string | null>(null);
  const [texts, setTexts] = useState<Record<string, string>>({});
  if (view.clarifications.length === 0) return null;
  // The files the unit sent as clarification evidence, per indicator (kind 'klarifikasi').
  const answerFiles = (code: string) =>
    view.indicators.find((i) => i.code === code)?.claim.files.filter((f) => f.kind === 'klarifikasi') ?? [];
  return (
    <Stack gap="sm" component="section" aria-label={t('clarify.list')}>
      <Title order={2} size="h5">
        {t('clarify.list')}
      </Title>
      {view.clarifications.map((c) => (
        <Card key={c.id} withBorder padding="md" data-testid="clarification">
          <Group gap="xs">
            {/* Light badges with the text colour: white on Mantine's filled orange is 3.6:1 (axe). */}
            <Badge
              color={c.status === 'open' ? 'orange' : c.status === 'answered' ? 'blue' : 'gray'}
              variant="light"
              c="var(--mantine-color-text)"
            >
              {t(`clarify.status.${c.status}`)}
            </Badge>
            <Text size="sm">{t('clarify.window', { lastDay: formatDate(c.lastDay, lang), codes: c.indicators.join(', ') })}</Text>
          </Group>
          <Text mt="xs">{c.question}</Text>
          {c.indicators.map((code) => (
            <Stack key={code} gap={4} mt="xs">
              {c.answers[code] ? (
                <Text size="sm" data-testid={`answer-${code}`} style={{ overflowWrap: 'anywhere' }}>
                  <b>{code}</b>: {c.answers[code]!.statement}
                  {c.answers[code]!.links.map((l) => (
                    <span key={l}>
                      {' · '}
                      <a href={l} target="_blank" rel="noreferrer noopener">
                        {l}
                      </a>
                    </span>
                  ))}
                </Text>
              ) : null}
              {claimant && c.status !== 'closed' ? (
                <>
                  <Textarea
                    label={t('clarify.answer', { code })}
                    value={texts[`${c.id}:${code}`] ?? ''}
                    onChange={(e) => {
                      const v = e.currentTarget.value;
                      setTexts((x) => ({ ...x, [`${c.id}:${code}`]: v }));
                    }}
                  />
                  <Group gap="xs" align="end">
                    <TextInput
                      label={t('clarify.link', { code })}
                      placeholder="https://"
                      value={texts[`${c.id}:${code}:link`] ?? ''}
                      error={linkOk(texts[`${c.id}:${code}:link`] ?? '') ? undefined : t('clarify.badLink')}
                      onChange={(e) => {
                        const v = e.currentTarget.value;
                        setTexts((x) => ({ ...x, [`${c.id}:${code}:link`]: v }));
                      }}
                      style={{ flex: '1 1 14rem' }}
                    />
                    {/* A file goes up at once (kind 'klarifikasi') and is listed below; the statement is sent with "Kirim jawaban". */}
                    <FileButton
                      accept="application/pdf,image/jpeg,image/png,image/webp"
                      onChange={(file) => {
                        if (!file) return;
                        setUploading(code);
                        upload.mutate(
                          { indicator: code, kind: 'klarifikasi', file },
                          {
                            onSuccess: () => props.onDone(t('clarify.uploaded', { code, file: file.name })),
                            onError: props.onError,
                            onSettled: () => setUploading(null),
                          },
                        );
                      }}
                    >
                      {(p) => (
                        <Button
                          {...p}
                          variant="default"
                          loading={upload.isPending && uploading === code}
                          aria-label={t('clarify.uploadFor', { code })}
                        >
                          {t('clarify.upload')}
                        </Button>
                      )}
                    </FileButton>
                  </Group>
                </>
              ) : null}
              {answerFiles(code).length > 0 ? (
                <Stack gap={2} style={{ overflowWrap: 'anywhere' }} data-testid={`answer-files-${code}`}>
                  <Text size="xs" c="dimmed">
                    {t('clarify.files', { code })}
                  </Text>
                  {answerFiles(code).map((f) => (
                    <a key={f.id} href={evidenceHref(f.id)} target="_blank" rel="noreferrer">
                      {f.filename}
                    </a>
                  ))}
                </Stack>
              ) : null}
            </Stack>
          ))}
          {claimant && c.status !== 'closed' ? (
            <Button
              mt="sm"
              variant="light"
              loading={answer.isPending}
              disabled={c.indicators.some((code) => !linkOk(texts[`${c.id}:${code}:link`] ?? ''))}
              onClick={() =>
                answer.mutate(
                  {
                    clarificationId: c.id,
                    answers: Object.fromEntries(
                      c.indicators.flatMap((code) => {
                        const s = (texts[`${c.id}:${code}`] ?? '').trim();
                        const link = (texts[`${c.id}:${code}:link`] ?? '').trim();
                        return s === '' ? [] : [[code, { statement: s, links: link === '' ? [] : [link] }]];
                      }),
                    ),
                  },
                  {
                    onSuccess: () => {
                      setTexts({});
                      props.onDone(t('clarify.answered'));
                    },
                    onError: props.onError,
                  },
                )
              }
            >
              {t('clarify.send')}
            </Button>
          ) : null}
        </Card>
      ))}
    </Stack>
  );
}
