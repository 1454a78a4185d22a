/**
 * One survey (issue 11): its short link and QR code, the A4 poster and the kiosk link (with what
 * kiosk mode does), live counts of accepted and flagged responses with each flagged response's
 * reason, the IKM per unsur and overall with its mutu A–D as the server computed it, the SKM
 * report, the follow-up plan (RTL) through the one action model — the koordinator adds an
 * action from an unsur — and the survey's documents from the unit's evidence library.
 */
import { useState } from 'react';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  CopyButton,
  Group,
  Image,
  Modal,
  Progress,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { periodLabel } from '../../core/period-label.ts';
import { addDays, calendarDay, zoneOfOffsetMinutes } from '../../shared/local-time.ts';
import { type Action, ActionIn } from '../../shared/wire/actions.ts';
import type { SurveyLink, SurveyResults } from '../../shared/wire/surveys.ts';
import { useActions } from '../api/actions.ts';
import { usePlanAction } from '../api/actions-writes.ts';
import { useMe } from '../api/auth.ts';
import { surveyCsvUrl, surveyPosterUrl, surveyReportUrl, useSurveyLink, useSurveyResults } from '../api/surveys.ts';
import { useKioskLink } from '../api/surveys-writes.ts';
import { errorMessage } from '../lib/error-message.ts';
import { fieldProblems } from '../lib/form-schema.ts';
import { useFormat } from '../lib/format.ts';
import { AnchorLink } from '../ui/links.tsx';
import { PageLoader } from '../ui/page-loader.tsx';
import { STATE_COLOR, surveyState, zoneOfOffset } from './survey-model.ts';
import { SurveyLibraryCard } from './survey-library-card.tsx';
import { RangeNumberInput } from '../ui/range-number-input.tsx';

export function SurveyScreen() {
  const { surveyId } = useParams({ strict: false }) as { surveyId: string };
  const me = useMe().data;
  const results = useSurveyResults(surveyId);
  const link = useSurveyLink(surveyId);
  const actions = useActions({ surveyId, pageSize: 200 });
  if (results.isError) throw results.error;
  if (!results.data) return <PageLoader />;
  const role = me?.role;
  return (
    <SurveyView
      results={results.data}
      link={link.data ?? null}
      actions={actions.data?.items ?? []}
      canManage={role === 'operator' || role === 'koordinator' || role === 'admin'}
      canPlan={role === 'koordinator' || role === 'admin'}
      canLibrary={role === 'operator' || role === 'koordinator'}
    />
  );
}

export interface SurveyViewProps {
  results: SurveyResults;
  link: SurveyLink | null;
  actions: Action[];
  /** Kiosk link (operator, koordinator). */
  canManage: boolean;
  /** Plan follow-up actions (the koordinator, by the action model's policy). */
  canPlan: boolean;
  /** The survey's documents from the unit's library (its managers: operator, koordinator). */
  canLibrary?: boolean;
  now?: Date;
}

export function SurveyView({ results, link, actions, canManage, canPlan, canLibrary = false, now = new Date() }: SurveyViewProps) {
  const { t } = useTranslation('surveys');
  const s = results.survey;
  const zone = zoneOfOffset(s.offsetMinutes);
  const f = useFormat({ timeZone: zone.tz });
  const state = surveyState(s, now);
  const period = periodLabel(s.periodKey, f.lang);
  const [planFor, setPlanFor] = useState<{ code: string; label: string } | null>(null);
  return (
    <Stack gap="lg" maw={1100}>
      <Stack gap={4}>
        <AnchorLink to="/survei" size="sm">
          ← {t('page.back')}
        </AnchorLink>
        <Group gap="sm" align="center" wrap="wrap">
          <Title order={1} size="h3">
            {s.kind === 'f03' ? t('page.title_f03') : t('page.title', { period })}
          </Title>
          <Badge color={STATE_COLOR[state]} variant="light" c="var(--mantine-color-text)" tt="none">
            {t(`status.${state}`)}
          </Badge>
        </Group>
        <Text fw={600}>
          {s.unitName} · {s.bodyName}
        </Text>
        <Text size="sm">{t('page.dates', { opens: f.dateTime(s.opensAt), closes: f.dateTime(s.closesAt) })}</Text>
        <Text size="sm">{t('page.services', { list: s.services.join(', ') })}</Text>
      </Stack>

      <Counts results={results} />

      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <LinkCard surveyId={s.id} link={link} />
        {canManage ? <KioskCard surveyId={s.id} /> : null}
        {canManage ? <PaperCard surveyId={s.id} /> : null}
      </SimpleGrid>

      {s.kind === 'f03' ? (
        <F03Note cycleId={s.cycleId} unitId={s.unitId} />
      ) : (
        <>
          <IkmCard results={results} canPlan={canPlan} canManage={canManage} onPlan={setPlanFor} />
          <RtlCard actions={actions} canPlan={canPlan} />
        </>
      )}

      {canLibrary ? <SurveyLibraryCard unitId={s.unitId} surveyId={s.id} /> : null}

      <FlaggedCard results={results} />

      {planFor ? (
        <PlanActionModal
          unitId={s.unitId}
          surveyId={s.id}
          unsur={planFor}
          offsetMinutes={s.offsetMinutes}
          onClose={() => setPlanFor(null)}
        />
      ) : null}
    </Stack>
  );
}

function Counts({ results }: { results: SurveyResults }) {
  const { t } = useTranslation('surveys');
  const f = useFormat();
  const percent = Math.min(100, results.progress * 100);
  return (
    <Card withBorder padding="md" aria-labelledby="survey-counts">
      <Title order={2} size="h5" id="survey-counts" mb="sm">
        {t('page.counts')}
      </Title>
      <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
        <Stat label={t('page.accepted')} value={f.integer(results.accepted)} testId="count-accepted" />
        <Stat
          label={results.survey.kind === 'f03' ? t('page.target_f03') : t('page.target')}
          value={f.integer(results.target)}
          testId="count-target"
        />
        <Stat label={t('page.flagged')} value={f.integer(results.flagged)} testId="count-flagged" />
      </SimpleGrid>
      <Progress value={percent} mt="md" aria-label={t('page.accepted')} />
      <Text size="sm" mt={4}>
        {t('page.progress', {
          accepted: f.integer(results.accepted),
          target: f.integer(results.target),
          percent: f.percent(results.progress * 100, 0),
        })}
      </Text>
    </Card>
  );
}

function Stat({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <Stack gap={0}>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fz={28} fw={700} className="tabular" data-testid={testId}>
        {value}
      </Text>
    </Stack>
  );
}

function LinkCard({ surveyId, link }: { surveyId: string; link: SurveyLink | null }) {
  const { t } = useTranslation('surveys');
  return (
    <Card withBorder padding="md">
      <Title order={2} size="h5" mb={4}>
        {t('page.link')}
      </Title>
      <Text size="sm" mb="sm">
        {t('page.link_intro')}
      </Text>
      {link ? (
        <Group align="flex-start" gap="md" wrap="wrap">
          <Image src={link.qr} alt={t('page.qr_alt')} w={160} h={160} bg="white" p={4} radius="sm" />
          <Stack gap="xs" miw={0} style={{ flex: '1 1 180px' }}>
            <Anchor href={link.url} target="_blank" rel="noopener" fw={600} style={{ overflowWrap: 'anywhere' }}>
              {link.url}
            </Anchor>
            <CopyButton value={link.url}>
              {({ copied, copy }) => (
                <Button variant="light" size="xs" onClick={copy} w="fit-content">
                  {copied ? t('page.copied') : t('page.copy')}
                </Button>
              )}
            </CopyButton>
            <Anchor href={surveyPosterUrl(surveyId)} target="_blank" rel="noopener">
              {t('page.poster')}
            </Anchor>
          </Stack>
        </Group>
      ) : null}
    </Card>
  );
}

/** Paper questionnaires are typed on their own screen, each with its scan. */
function PaperCard({ surveyId }: { surveyId: string }) {
  const { t } = useTranslation('surveys');
  return (
    <Card withBorder padding="md">
      <Title order={2} size="h5" mb={4}>
        {t('page.paper')}
      </Title>
      <Text size="sm" mb="sm">
        {t('page.paper_intro')}
      </Text>
      <AnchorLink to="/survei/$surveyId/kertas" params={{ surveyId }} fw={600}>
        {t('paper.open')}
      </AnchorLink>
    </Card>
  );
}

function KioskCard({ surveyId }: { surveyId: string }) {
  const { t } = useTranslation('surveys');
  const kiosk = useKioskLink(surveyId);
  return (
    <Card withBorder padding="md">
      <Title order={2} size="h5" mb={4}>
        {t('page.kiosk')}
      </Title>
      <Text size="sm" mb="sm">
        {t('page.kiosk_intro')}
      </Text>
      {kiosk.data ? (
        <Stack gap={4}>
          <Text size="sm" fw={600}>
            {t('page.kiosk_link')}
          </Text>
          <Anchor href={kiosk.data.url} target="_blank" rel="noopener" size="sm" style={{ overflowWrap: 'anywhere' }}>
            {kiosk.data.url}
          </Anchor>
        </Stack>
      ) : (
        <Button variant="default" onClick={() => kiosk.mutate()} loading={kiosk.isPending} w="fit-content">
          {t('page.kiosk_make')}
        </Button>
      )}
      {kiosk.isError ? (
        <Alert color="red" mt="sm" role="alert">
          {errorMessage(t, kiosk.error)}
        </Alert>
      ) : null}
    </Card>
  );
}

function IkmCard({
  results,
  canPlan,
  canManage,
  onPlan,
}: {
  results: SurveyResults;
  canPlan: boolean;
  canManage: boolean;
  onPlan: (u: { code: string; label: string }) => void;
}) {
  const { t } = useTranslation('surveys');
  const f = useFormat();
  const ikm = results.ikm;
  return (
    <Card withBorder padding="md">
      <Group justify="space-between" align="flex-start" wrap="wrap" mb="sm">
        <Title order={2} size="h5">
          {t('page.ikm')}
        </Title>
        {ikm ? (
          <Group gap="md" wrap="wrap">
            <Anchor href={surveyReportUrl(results.survey.id)} target="_blank" rel="noopener">
              {t('page.report')}
            </Anchor>
            {canManage ? (
              <Anchor href={surveyCsvUrl(results.survey.id)} download>
                {t('page.csv')}
              </Anchor>
            ) : null}
          </Group>
        ) : null}
      </Group>
      {ikm === null ? (
        <Text>{t('page.ikm_none')}</Text>
      ) : (
        <Stack gap="sm">
          <Group gap="md" align="baseline" wrap="wrap">
            <Text fz={32} fw={700} className="tabular" data-testid="ikm-value">
              {t('page.ikm_value', { value: f.score(ikm.value) })}
            </Text>
            <Badge size="lg" variant="light" c="var(--mantine-color-text)" tt="none" data-testid="ikm-band">
              {t('page.mutu', { code: ikm.band.code, label: ikm.band.label[f.lang] })}
            </Badge>
          </Group>
          <Table.ScrollContainer minWidth={0}>
            <Table className="stack-table" verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('page.unsur')}</Table.Th>
                  <Table.Th ta="right">{t('page.nrr')}</Table.Th>
                  <Table.Th ta="right">{t('page.converted')}</Table.Th>
                  <Table.Th>{t('page.band')}</Table.Th>
                  <Table.Th ta="right">{t('page.n')}</Table.Th>
                  {canPlan ? <Table.Th /> : null}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {ikm.unsur.map((u) => {
                  // Every unsur tied at the bottom is no weakest one: no badge then.
                  const weakest = ikm.weakest.includes(u.code) && ikm.weakest.length < ikm.unsur.length;
                  const label = `${u.code} ${u.text[f.lang]}`;
                  return (
                    <Table.Tr key={u.code}>
                      <Table.Td data-label={t('page.unsur')}>
                        <span>
                          {label}{' '}
                          {weakest ? (
                            <Badge color="orange" variant="light" c="var(--mantine-color-text)" size="sm" tt="none">
                              {t('page.weakest')}
                            </Badge>
                          ) : null}
                        </span>
                      </Table.Td>
                      <Table.Td data-label={t('page.nrr')} ta="right" className="tabular">
                        {f.score(u.nrr)}
                      </Table.Td>
                      <Table.Td data-label={t('page.converted')} ta="right" className="tabular">
                        {f.score(u.converted)}
                      </Table.Td>
                      <Table.Td data-label={t('page.band')}>{u.band}</Table.Td>
                      <Table.Td data-label={t('page.n')} ta="right" className="tabular">
                        {f.integer(u.n)}
                      </Table.Td>
                      {canPlan ? (
                        <Table.Td>
                          <Button
                            size="compact-sm"
                            variant={weakest ? 'filled' : 'default'}
                            aria-label={t('page.rtl_add', { code: label })}
                            onClick={() => onPlan({ code: u.code, label })}
                          >
                            {t('page.rtl_add_short')}
                          </Button>
                        </Table.Td>
                      ) : null}
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Stack>
      )}
    </Card>
  );
}

/** F-03 has no IKM: its responses count against the PEKPPP locus quota, shown in the unit's PEKPPP view. */
function F03Note({ cycleId, unitId }: { cycleId: string | null; unitId: string }) {
  const { t } = useTranslation('surveys');
  return (
    <Card withBorder padding="md">
      <Title order={2} size="h5" mb={4}>
        {t('page.f03_title')}
      </Title>
      <Text size="sm">{t('page.f03_intro')}</Text>
      {cycleId ? (
        <AnchorLink to="/pekppp/cycles/$cycleId/units/$unitId" params={{ cycleId, unitId }} size="sm" mt="xs">
          {t('page.f03_unit')}
        </AnchorLink>
      ) : null}
    </Card>
  );
}

function RtlCard({ actions, canPlan }: { actions: Action[]; canPlan: boolean }) {
  const { t } = useTranslation('surveys');
  const f = useFormat();
  return (
    <Card withBorder padding="md">
      <Title order={2} size="h5" mb={4}>
        {t('page.rtl')}
      </Title>
      <Text size="sm" mb="sm">
        {canPlan ? t('page.rtl_intro') : t('page.rtl_koordinator')}
      </Text>
      {actions.length === 0 ? (
        <Text c="dimmed">{t('page.rtl_none')}</Text>
      ) : (
        <Table className="stack-table" verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('page.rtl_col_unsur')}</Table.Th>
              <Table.Th>{t('page.rtl_col_title')}</Table.Th>
              <Table.Th>{t('page.rtl_col_owner')}</Table.Th>
              <Table.Th>{t('page.rtl_col_due')}</Table.Th>
              <Table.Th>{t('page.rtl_col_status')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {actions.map((a) => (
              <Table.Tr key={a.id}>
                <Table.Td data-label={t('page.rtl_col_unsur')}>{a.unsurCode ?? '—'}</Table.Td>
                <Table.Td data-label={t('page.rtl_col_title')}>{a.title}</Table.Td>
                <Table.Td data-label={t('page.rtl_col_owner')}>{a.personInCharge}</Table.Td>
                <Table.Td data-label={t('page.rtl_col_due')}>{f.date(a.dueDate)}</Table.Td>
                <Table.Td data-label={t('page.rtl_col_status')}>{t(`page.rtl_status.${a.status}`)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
}

function FlaggedCard({ results }: { results: SurveyResults }) {
  const { t } = useTranslation('surveys');
  const f = useFormat({ timeZone: zoneOfOffset(results.survey.offsetMinutes).tz });
  return (
    <Card withBorder padding="md">
      <Title order={2} size="h5" mb="sm">
        {t('page.flagged_title')} ({f.integer(results.flagged)})
      </Title>
      {results.flaggedResponses.length === 0 ? (
        <Text c="dimmed">{t('page.flagged_none')}</Text>
      ) : (
        <Table className="stack-table" verticalSpacing="xs" aria-label={t('page.flagged_title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('page.flagged_at')}</Table.Th>
              <Table.Th>{t('page.flagged_source')}</Table.Th>
              <Table.Th>{t('page.flagged_reason')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {results.flaggedResponses.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td data-label={t('page.flagged_at')}>{f.dateTime(r.submittedAt)}</Table.Td>
                <Table.Td data-label={t('page.flagged_source')}>{t(`page.source.${r.source}`)}</Table.Td>
                <Table.Td data-label={t('page.flagged_reason')}>
                  <span>{r.flags.map((x) => x.reason[f.lang]).join('; ')}</span>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
}

interface PlanValues {
  title: string;
  personInCharge: string;
  dueDate: string;
  targetLevel: number | string;
}

function PlanActionModal({
  unitId,
  surveyId,
  unsur,
  offsetMinutes,
  onClose,
}: {
  unitId: string;
  surveyId: string;
  unsur: { code: string; label: string };
  offsetMinutes: number;
  onClose: () => void;
}) {
  const { t } = useTranslation('surveys');
  const plan = usePlanAction();
  const [failure, setFailure] = useState<string | null>(null);
  const toInput = (v: PlanValues): ActionIn => ({
    sourceKind: 'skm',
    surveyId,
    unsurCode: unsur.code,
    title: v.title.trim(),
    personInCharge: v.personInCharge.trim(),
    dueDate: v.dueDate,
    ...(typeof v.targetLevel === 'number' ? { targetLevel: v.targetLevel } : {}),
  });
  const local = addDays(calendarDay(new Date(), zoneOfOffsetMinutes(offsetMinutes)), 30);
  const form = useForm<PlanValues>({
    mode: 'controlled',
    initialValues: { title: '', personInCharge: '', dueDate: local, targetLevel: '' },
    validate: (v) => {
      const p = fieldProblems(ActionIn, toInput(v) as unknown as Record<string, unknown>);
      const msg = (x: string | undefined) => x && t('rtl_form.required');
      return { title: msg(p.title), personInCharge: msg(p.personInCharge), dueDate: msg(p.dueDate), targetLevel: msg(p.targetLevel) };
    },
  });
  const submit = form.onSubmit(async (v) => {
    setFailure(null);
    try {
      await plan.mutateAsync({ unitId, input: toInput(v) });
      onClose();
    } catch (error) {
      setFailure(errorMessage(t, error));
    }
  });
  return (
    <Modal opened onClose={onClose} title={t('rtl_form.title', { unsur: unsur.label })} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {failure ? (
            <Alert color="red" role="alert" title={t('rtl_form.failed')}>
              {failure}
            </Alert>
          ) : null}
          <TextInput label={t('rtl_form.action')} required {...form.getInputProps('title')} />
          <TextInput label={t('rtl_form.owner')} required {...form.getInputProps('personInCharge')} />
          <Group grow align="flex-start" wrap="wrap">
            <TextInput type="date" label={t('rtl_form.due')} required miw={160} {...form.getInputProps('dueDate')} />
            <RangeNumberInput
              label={t('rtl_form.target')}
              min={1}
              max={4}
              decimalScale={2}
              miw={160}
              {...form.getInputProps('targetLevel')}
            />
          </Group>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose} disabled={plan.isPending}>
              {t('rtl_form.cancel')}
            </Button>
            <Button type="submit" loading={plan.isPending}>
              {t('rtl_form.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
