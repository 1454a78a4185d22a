/**
 * Recognition of a publication (issue 18, `/rekognisi/$publicationId`): the unit awards with
 * their piagam (public once released); for the Perwakilan the hand-over form and the award-night
 * pack (background job with its progress bar); for the Perwakilan and a government's koordinator
 * the press-release draft (edit, save, download .txt/.docx) beside the facts box it is built from.
 */
import { Button, Group, NativeSelect, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useParams } from '@tanstack/react-router';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../../shared/wire/common.ts';
import type { UnitAwardItem, UnitAwardKind } from '../../shared/wire/recognition.ts';
import { UNIT_AWARD_KINDS } from '../../shared/wire/recognition.ts';
import { useMe } from '../api/auth.ts';
import { usePublication } from '../api/publications.ts';
import { releaseFileUrl, unitPiagamUrl, useHandover, useRelease, useUnitAwards } from '../api/recognition.ts';
import { useSaveRelease, useSetHandover, useStartAwardNightPack } from '../api/recognition-writes.ts';
import { isApiError } from '../lib/api.ts';
import { useFormat } from '../lib/format.ts';
import { AnchorLink } from '../ui/anchor-link.tsx';
import { BandChip } from '../ui/band-chip.tsx';
import { JobProgress } from '../ui/job-progress.tsx';
import { PageLoader } from '../ui/page-loader.tsx';
import { FactsBox } from '../ui/release-facts-box.tsx';

const errorText = (e: unknown) => (isApiError(e) ? e.message : String(e));

function UnitAwardTable({ kind, items }: { kind: UnitAwardKind; items: UnitAwardItem[] }) {
  const { t } = useTranslation('recognition');
  const format = useFormat();
  if (items.length === 0) return <Text size="sm">{t('units.none')}</Text>;
  return (
    // issue 16 §6: rows stack into labelled lines on a phone instead of scrolling sideways.
    <Table striped data-testid={`unit-awards-${kind}`} className="stack-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('col.rank')}</Table.Th>
          <Table.Th>{t('col.unit')}</Table.Th>
          <Table.Th>{t('col.government')}</Table.Th>
          <Table.Th>{t('col.score')}</Table.Th>
          <Table.Th>{t('col.band')}</Table.Th>
          <Table.Th>{t('col.piagam')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map((i) => (
          <Table.Tr key={i.code}>
            <Table.Td data-label={t('col.rank')}>{i.rank ?? '—'}</Table.Td>
            <Table.Td data-label={t('col.unit')}>
              {i.unit.name}
              <Text size="xs" c="dimmed">
                {i.unit.sectorName}
              </Text>
            </Table.Td>
            <Table.Td data-label={t('col.government')}>{i.body.name}</Table.Td>
            <Table.Td data-label={t('col.score')}>
              {format.score(i.score)}
              {i.delta !== null ? <Text size="xs">{t('units.delta', { delta: format.score(i.delta) })}</Text> : null}
            </Table.Td>
            <Table.Td data-label={t('col.band')}>
              <BandChip band={i.band} size="sm" />
            </Table.Td>
            <Table.Td data-label={t('col.piagam')}>
              <a href={unitPiagamUrl(i.piagamUrl, format.lang)} target="_blank" rel="noreferrer">
                {t('units.piagam')}
              </a>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function HandoverForm({ publicationId }: { publicationId: string }) {
  const { t } = useTranslation('recognition');
  const current = useHandover(publicationId).data;
  const save = useSetHandover(publicationId);
  const [date, setDate] = useState('');
  const [place, setPlace] = useState('');
  useEffect(() => {
    if (current?.date) setDate(current.date);
    if (current?.place) setPlace(current.place);
  }, [current]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate({ date, place });
  };
  return (
    <form onSubmit={submit}>
      <Stack gap="xs" maw={520}>
        <Title order={2} size="h3">
          {t('handover.title')}
        </Title>
        <Text size="sm">{t('handover.intro')}</Text>
        <TextInput type="date" label={t('handover.date')} value={date} onChange={(e) => setDate(e.currentTarget.value)} required />
        <TextInput label={t('handover.place')} value={place} onChange={(e) => setPlace(e.currentTarget.value)} required maxLength={200} />
        <div>
          <Button type="submit" loading={save.isPending}>
            {t('handover.save')}
          </Button>
        </div>
        {save.isSuccess ? <Text role="status">{t('handover.saved')}</Text> : null}
        {save.isError ? (
          <Text role="alert" c="red">
            {errorText(save.error)}
          </Text>
        ) : null}
      </Stack>
    </form>
  );
}

function AwardNightPack({ publicationId }: { publicationId: string }) {
  const { t } = useTranslation('recognition');
  const start = useStartAwardNightPack(publicationId);
  const [lang, setLang] = useState<Lang>('id');
  const [jobId, setJobId] = useState<string | null>(null);
  return (
    <Stack gap="xs" maw={520} data-testid="award-night-pack">
      <Title order={2} size="h3">
        {t('pack.title')}
      </Title>
      <Text size="sm">{t('pack.intro')}</Text>
      <NativeSelect
        label={t('lang')}
        value={lang}
        onChange={(e) => setLang(e.currentTarget.value === 'en' ? 'en' : 'id')}
        data={[
          { value: 'id', label: 'Bahasa Indonesia' },
          { value: 'en', label: 'English' },
        ]}
      />
      <div>
        <Button loading={start.isPending} onClick={() => start.mutate({ lang }, { onSuccess: (job) => setJobId(job.id) })}>
          {t('pack.start')}
        </Button>
      </div>
      {start.isError ? (
        <Text role="alert" c="red">
          {errorText(start.error)}
        </Text>
      ) : null}
      {jobId ? <JobProgress jobId={jobId} /> : null}
    </Stack>
  );
}

function ReleaseEditor({ publicationId, bodies }: { publicationId: string; bodies: { id: string; name: string }[] }) {
  const { t } = useTranslation('recognition');
  const [bodyId, setBodyId] = useState<string | null>(bodies[0]?.id ?? null);
  const [lang, setLang] = useState<Lang>('id');
  const release = useRelease(publicationId, bodyId, lang);
  const save = useSaveRelease(publicationId, bodyId ?? '');
  const [text, setText] = useState('');
  useEffect(() => {
    if (release.data) setText(release.data.text);
  }, [release.data]);
  if (bodyId === null) return null;
  return (
    <Stack gap="xs" data-testid="release-editor">
      <Title order={2} size="h3">
        {t('release.title')}
      </Title>
      <Text size="sm">{t('release.intro')}</Text>
      <Group align="end">
        {bodies.length > 1 ? (
          <NativeSelect
            label={t('release.government')}
            value={bodyId}
            onChange={(e) => setBodyId(e.currentTarget.value)}
            data={bodies.map((b) => ({ value: b.id, label: b.name }))}
          />
        ) : null}
        <NativeSelect
          label={t('lang')}
          value={lang}
          onChange={(e) => setLang(e.currentTarget.value === 'en' ? 'en' : 'id')}
          data={[
            { value: 'id', label: 'Bahasa Indonesia' },
            { value: 'en', label: 'English' },
          ]}
        />
      </Group>
      {release.isPending ? (
        <PageLoader />
      ) : release.isError ? (
        <Text role="alert">{errorText(release.error)}</Text>
      ) : (
        <Group align="start" wrap="wrap" gap="lg">
          <Stack gap="xs" style={{ flex: '1 1 480px' }}>
            <Textarea
              label={t('release.text')}
              value={text}
              onChange={(e) => setText(e.currentTarget.value)}
              autosize
              minRows={14}
              maxRows={30}
              data-testid="release-text"
            />
            <Text size="xs" c="dimmed">
              {release.data.edited ? t('release.edited') : t('release.generated')}
            </Text>
            <Group>
              <Button loading={save.isPending} onClick={() => save.mutate({ lang, text })} disabled={text.trim() === ''}>
                {t('release.save')}
              </Button>
              <Button variant="default" onClick={() => setText(release.data.generated)}>
                {t('release.reset')}
              </Button>
              <Button component="a" variant="light" href={releaseFileUrl(publicationId, bodyId, lang, 'txt')}>
                {t('release.txt')}
              </Button>
              <Button component="a" variant="light" href={releaseFileUrl(publicationId, bodyId, lang, 'docx')}>
                {t('release.docx')}
              </Button>
            </Group>
            {save.isError ? (
              <Text role="alert" c="red">
                {errorText(save.error)}
              </Text>
            ) : null}
          </Stack>
          <div style={{ flex: '0 1 360px' }}>
            <FactsBox facts={release.data.facts} />
          </div>
        </Group>
      )}
    </Stack>
  );
}

export function RecognitionScreen() {
  const { t } = useTranslation('recognition');
  const { publicationId } = useParams({ from: '/rekognisi/$publicationId' });
  const me = useMe().data ?? null;
  const awards = useUnitAwards(publicationId);
  const publication = usePublication(publicationId);
  const handover = useHandover(publicationId).data;
  const format = useFormat();
  if (awards.isPending) return <PageLoader />;
  if (awards.isError) return <Text role="alert">{t('not_found')}</Text>;
  const data = awards.data;
  const p = data.publication;
  const role = me?.role ?? null;
  const manager = role === 'admin' || role === 'pimpinan';
  const snapshotBodies = publication.data?.snapshot.bodies ?? [];
  const releaseBodies = snapshotBodies
    .filter((b) => manager || (role === 'koordinator' && b.id === me?.bodyId))
    .map((b) => ({ id: b.id, name: b.name }))
    .sort((a, b) => a.name.localeCompare(b.name, 'id'));
  const note = (kind: UnitAwardKind) =>
    kind === 'top-band'
      ? t('units.kind.top-band.note', { band: `${data.topBand.code} · ${data.topBand.label[format.lang]}` })
      : kind === 'top-sector'
        ? t('units.kind.top-sector.note', { n: data.rules.topPerSector })
        : t('units.kind.most-improved.note', { n: data.rules.mostImproved });
  return (
    <Stack p="md" gap="xl" maw={1200}>
      <div>
        <Title order={1}>{t('title')}</Title>
        <Text>{t('subtitle', { cycle: p.cycle.name, scope: p.scopeName, version: p.version })}</Text>
        <Group gap="md">
          <AnchorLink to="/publikasi/$publicationId" params={{ publicationId: p.id }}>
            {t('back')}
          </AnchorLink>
          <AnchorLink to="/penghargaan/$publicationId" params={{ publicationId: p.id }}>
            {t('government_awards')}
          </AnchorLink>
        </Group>
        {handover?.date && handover.place ? (
          <Text mt="xs" data-testid="handover-line">
            {t('handover.line', { date: format.date(handover.date), place: handover.place })}
          </Text>
        ) : null}
      </div>
      <Stack gap="md">
        <Title order={2} size="h3">
          {t('units.title')}
        </Title>
        {UNIT_AWARD_KINDS.filter((k) =>
          k === 'top-band' ? data.rules.topBand : k === 'top-sector' ? data.rules.topPerSector > 0 : data.rules.mostImproved > 0,
        ).map((kind) => (
          <section key={kind} aria-labelledby={`unit-awards-h-${kind}`}>
            <Title order={3} size="h4" id={`unit-awards-h-${kind}`}>
              {t(`units.kind.${kind}`)}
            </Title>
            <Text size="sm" c="dimmed" mb="xs">
              {note(kind)}
            </Text>
            <UnitAwardTable kind={kind} items={data.items.filter((i) => i.kind === kind)} />
          </section>
        ))}
        {data.rules.assumption ? (
          <Text size="sm" c="dimmed">
            {data.rules.assumption}
          </Text>
        ) : null}
      </Stack>
      {manager ? <HandoverForm publicationId={publicationId} /> : null}
      {manager ? <AwardNightPack publicationId={publicationId} /> : null}
      {releaseBodies.length > 0 ? <ReleaseEditor publicationId={publicationId} bodies={releaseBodies} /> : null}
    </Stack>
  );
}
