/**
 * The unit's F-03 user questionnaire in a PEKPPP cycle (issue 11 §6): its accepted responses
 * against the locus quota beside the aspects' progress; the unit's operator or koordinator opens
 * it here (the same survey machinery as SKM: public link, QR code, kiosk, paper entry, abuse
 * checks), and whoever may read surveys goes on to its survey page. The request is checked with
 * the wire's `SurveyIn` before it is sent; the server's refusal is shown translated.
 */
import { useState } from 'react';
import { Alert, Button, Card, Group, Progress, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { addDays, calendarDay, zoneOfOffsetMinutes } from '../../shared/local-time.ts';
import { type Survey, SurveyIn } from '../../shared/wire/surveys.ts';
import type { PekpppUnitView } from '../../shared/wire/pekppp.ts';
import { errorMessage } from '../lib/error-message.ts';
import { fieldProblems } from '../lib/form-schema.ts';
import { formatInteger, formatScore, toLang } from '../lib/format.ts';
import { AnchorLink } from '../ui/links.tsx';
import { RangeNumberInput } from '../ui/range-number-input.tsx';

export interface F03CardProps {
  view: Pick<PekpppUnitView, 'cycleId' | 'unitId' | 'year' | 'f03'>;
  /** The unit's operator or koordinator (survey.manage): may open the questionnaire. */
  canOpen: boolean;
  /** May read surveys (the survey page: link, QR code, responses). */
  canRead: boolean;
  /** The body's UTC offset (WIB 420), for the open and close days. */
  offsetMinutes: number;
  today?: Date;
  onOpen: (input: SurveyIn) => Promise<Survey>;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function suffix(offsetMinutes: number): string {
  const m = Math.abs(offsetMinutes);
  return `${offsetMinutes < 0 ? '-' : '+'}${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

export function F03Card({ view, canOpen, canRead, offsetMinutes, today = new Date(), onOpen }: F03CardProps) {
  const { t, i18n } = useTranslation('pekppp');
  const lang = toLang(i18n.language);
  const [formOpen, setFormOpen] = useState(false);
  const f03 = view.f03;
  return (
    <Card withBorder padding="sm" data-testid="pekppp-f03">
      <Text size="sm" fw={600}>
        {t('f03Title')}
      </Text>
      <Text size="xs" c="dimmed">
        {f03
          ? t('f03Progress', {
              accepted: formatInteger(f03.accepted, lang),
              target: formatInteger(f03.target, lang),
              flagged: formatInteger(f03.flagged, lang),
            })
          : t('f03None')}
      </Text>
      {f03 ? (
        <>
          <Progress
            value={Math.min(100, (100 * f03.accepted) / Math.max(f03.target, 1))}
            size="sm"
            mt={4}
            aria-label={t('f03Quota', { target: formatInteger(f03.target, lang) })}
          />
          {f03.mean !== null ? (
            <Text size="xs" mt={4} data-testid="pekppp-f03-mean">
              {t('f03Mean', { mean: formatScore(f03.mean, lang) })}
            </Text>
          ) : null}
          {canRead ? (
            <AnchorLink to="/survei/$surveyId" params={{ surveyId: f03.surveyId }} size="sm" mt={6}>
              {t('f03Page')}
            </AnchorLink>
          ) : null}
        </>
      ) : canOpen && !formOpen ? (
        <Button variant="light" size="xs" mt={6} w="fit-content" onClick={() => setFormOpen(true)}>
          {t('f03Open')}
        </Button>
      ) : null}
      {!f03 && canOpen && formOpen ? (
        <F03Form view={view} offsetMinutes={offsetMinutes} today={today} onOpen={onOpen} onCancel={() => setFormOpen(false)} />
      ) : null}
    </Card>
  );
}

function F03Form({
  view,
  offsetMinutes,
  today,
  onOpen,
  onCancel,
}: {
  view: F03CardProps['view'];
  offsetMinutes: number;
  today: Date;
  onOpen: F03CardProps['onOpen'];
  onCancel: () => void;
}) {
  const { t } = useTranslation('pekppp');
  const [services, setServices] = useState('');
  const [users, setUsers] = useState<number | string>('');
  const [opensOn, setOpensOn] = useState(() => calendarDay(today, zoneOfOffsetMinutes(offsetMinutes)));
  const [closesOn, setClosesOn] = useState(() => addDays(calendarDay(today, zoneOfOffsetMinutes(offsetMinutes)), 30));
  const [problems, setProblems] = useState<Partial<Record<keyof SurveyIn, string>>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  // F-03 runs over the whole cycle: one period, the cycle's year; the target is the locus quota.
  const input = (): SurveyIn => ({
    kind: 'f03',
    cycleId: view.cycleId,
    periodKind: 'year',
    year: view.year,
    index: 1,
    services: services
      .split('\n')
      .map((s) => s.trim())
      .filter((s) => s !== ''),
    expectedUsers: typeof users === 'number' ? users : Number.NaN,
    opensAt: DATE.test(opensOn) ? `${opensOn}T00:00:00${suffix(offsetMinutes)}` : '',
    closesAt: DATE.test(closesOn) ? `${closesOn}T23:59:00${suffix(offsetMinutes)}` : '',
  });

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const value = input();
    const p = fieldProblems(SurveyIn, value as unknown as Record<string, unknown>);
    const found: Partial<Record<keyof SurveyIn, string>> = {};
    if (p.services) found.services = t('f03Form.servicesRequired');
    if (p.expectedUsers) found.expectedUsers = t('f03Form.usersRequired');
    if (p.opensAt) found.opensAt = t('f03Form.dateRequired');
    if (p.closesAt) found.closesAt = t('f03Form.dateRequired');
    else if (!p.opensAt && closesOn < opensOn) found.closesAt = t('f03Form.datesOrder');
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    setFailure(null);
    setPending(true);
    try {
      await onOpen(value);
    } catch (error) {
      setFailure(errorMessage(t, error));
    } finally {
      setPending(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate aria-label={t('f03Form.title')}>
      <Stack gap="xs" mt="sm">
        <Text size="sm">{t('f03Form.intro')}</Text>
        {failure ? (
          <Alert color="red" role="alert" title={t('f03Form.failed')}>
            {failure}
          </Alert>
        ) : null}
        <Textarea
          label={t('f03Form.services')}
          description={t('f03Form.servicesHint')}
          required
          autosize
          minRows={2}
          value={services}
          onChange={(e) => setServices(e.currentTarget.value)}
          error={problems.services}
        />
        <RangeNumberInput
          label={t('f03Form.users')}
          required
          min={1}
          allowDecimal={false}
          allowNegative={false}
          thousandSeparator="."
          decimalSeparator=","
          value={users}
          onChange={setUsers}
          error={problems.expectedUsers}
        />
        {/* One under the other: the card is a third of the row on a desktop. */}
        <TextInput
          type="date"
          label={t('f03Form.opensOn')}
          required
          value={opensOn}
          onChange={(e) => setOpensOn(e.currentTarget.value)}
          error={problems.opensAt}
        />
        <TextInput
          type="date"
          label={t('f03Form.closesOn')}
          required
          value={closesOn}
          onChange={(e) => setClosesOn(e.currentTarget.value)}
          error={problems.closesAt}
        />
        <Group justify="flex-end" gap="xs">
          <Button variant="default" size="xs" onClick={onCancel} disabled={pending}>
            {t('f03Form.cancel')}
          </Button>
          <Button type="submit" size="xs" loading={pending}>
            {t('f03Form.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/**
 * The F-03 results beside the IPP (issue 11 §6): the mean per aspect and per item of the accepted
 * responses as the engine summarises them (supplementSummaries), with the library's own words on
 * how F-03 enters the result (PEKPPP: beside the IPP, not inside it).
 */
export function F03Results({ f03 }: { f03: NonNullable<PekpppUnitView['f03']> }) {
  const { t, i18n } = useTranslation('pekppp');
  const lang = toLang(i18n.language);
  const mean = (m: number | null) => (m === null ? '–' : formatScore(m, lang));
  return (
    <Card withBorder padding="md" data-testid="pekppp-f03-results" aria-labelledby="pekppp-f03-results">
      <Title order={2} size="h5" id="pekppp-f03-results">
        {t('f03Results.title')}
      </Title>
      {f03.note ? (
        <Text size="sm" mt={4} data-testid="pekppp-f03-note">
          {f03.note[lang]}
        </Text>
      ) : null}
      <Text size="sm" mt="xs" fw={600}>
        {f03.mean === null ? t('f03Results.none') : t('f03Results.overall', { mean: mean(f03.mean), n: formatInteger(f03.accepted, lang) })}
      </Text>
      {f03.mean !== null ? (
        <Stack gap="md" mt="sm">
          <Table striped withTableBorder aria-label={t('f03Results.by_aspect')} data-testid="pekppp-f03-aspects">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('f03Results.aspect')}</Table.Th>
                <Table.Th ta="right">{t('f03Results.mean')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {f03.dimensions.map((d) => (
                <Table.Tr key={d.code}>
                  <Table.Td>{t('f03Results.aspect_items', { aspect: d.title[lang], n: d.items })}</Table.Td>
                  <Table.Td ta="right" className="tabular">
                    {mean(d.mean)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Table striped withTableBorder aria-label={t('f03Results.by_item')} data-testid="pekppp-f03-items">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('f03Results.item')}</Table.Th>
                <Table.Th ta="right">{t('f03Results.mean')}</Table.Th>
                <Table.Th ta="right">{t('f03Results.n')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {f03.items.map((i) => (
                <Table.Tr key={i.code}>
                  <Table.Td>
                    {i.code} {i.text[lang]}
                    {i.unverified ? (
                      <Text span size="xs" c="dimmed">
                        {' '}
                        ({t('f03Results.unverified')})
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td ta="right" className="tabular">
                    {mean(i.mean)}
                  </Table.Td>
                  <Table.Td ta="right" className="tabular">
                    {formatInteger(i.n, lang)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      ) : null}
    </Card>
  );
}
