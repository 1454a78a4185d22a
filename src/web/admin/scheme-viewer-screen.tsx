/**
 * Scheme viewer (admin, also public): every dimension and weight, indicator and level
 * descriptor, band with its colour, instrument and quota, and the assumptions — highlighted.
 * Read straight from the methodology library; nothing here comes from the server.
 */
import { Alert, Anchor, Badge, Group, List, Stack, Tabs, Text, Title } from '@mantine/core';
import { useLoaderData } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useState } from 'react';
import { useFormat } from '../lib/format.ts';
import { AnchorLink } from '../ui/links.tsx';
import { PanelBoundary } from '../ui/panel-boundary.tsx';
import { SchemeAssumptions } from './scheme-assumptions.tsx';
import { SchemeBands } from './scheme-bands.tsx';
import { SchemeDimensions } from './scheme-dimensions.tsx';
import { SchemeInstruments } from './scheme-instruments.tsx';
import { indicatorCount } from './scheme-model.ts';

export function SchemeViewerScreen() {
  const { t } = useTranslation('admin');
  const format = useFormat();
  const lang = format.lang;
  const { scheme } = useLoaderData({ from: '/schemes/$schemeId' });
  const [tab, setTab] = useState<string | null>('overview');
  const assumptions = scheme.assumptions.length;

  return (
    <Stack gap="lg" maw={1100}>
      <AnchorLink to="/schemes" size="sm">
        {t('scheme.back')}
      </AnchorLink>
      <Stack gap={6}>
        <Title order={1} size="h2">
          {scheme.title[lang]}
        </Title>
        <Group gap={6}>
          <Badge variant="light" tt="none">
            {t(`families.${scheme.family}`)}
          </Badge>
          <Badge variant="outline" tt="none">
            {scheme.id} · v{scheme.version}
          </Badge>
          <Badge variant="outline" tt="none">
            {scheme.result.unit[lang]}
          </Badge>
        </Group>
        <Text size="sm" c="dimmed">
          {t('scheme.summary', {
            dimensions: format.integer(scheme.dimensions.length),
            indicators: format.integer(indicatorCount(scheme)),
            instruments: format.integer(scheme.instruments.length),
          })}
        </Text>
      </Stack>

      {assumptions > 0 && (
        <Alert color="yellow" title={t('scheme.assumptions.alert_title', { count: assumptions, n: format.integer(assumptions) })}>
          <Text size="sm">{t('scheme.assumptions.alert_body')}</Text>
          <Anchor component="button" type="button" size="sm" c="inherit" underline="always" fw={600} onClick={() => setTab('assumptions')}>
            {t('scheme.assumptions.show')}
          </Anchor>
        </Alert>
      )}

      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="overview">{t('scheme.tabs.overview')}</Tabs.Tab>
          <Tabs.Tab value="dimensions">{t('scheme.tabs.dimensions')}</Tabs.Tab>
          <Tabs.Tab value="instruments">{t('scheme.tabs.instruments')}</Tabs.Tab>
          <Tabs.Tab
            value="assumptions"
            rightSection={
              <Badge size="sm" color="yellow" c="black">
                {format.integer(assumptions)}
              </Badge>
            }
          >
            {t('scheme.tabs.assumptions')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="overview" pt="md">
          <PanelBoundary>
            <Stack gap="lg">
              <SchemeBands scheme={scheme} />
              <Stack gap="xs">
                <Title order={2} size="h4">
                  {t('scheme.weights.title')}
                </Title>
                <List spacing={4}>
                  {scheme.dimensions.map((d) => (
                    <List.Item key={d.code}>
                      <Text span fw={600}>
                        {d.title[lang]}
                      </Text>{' '}
                      <Text span className="tabular">
                        {format.percent(d.weight, 3)}
                      </Text>
                    </List.Item>
                  ))}
                </List>
              </Stack>
              <Stack gap="xs">
                <Title order={2} size="h4">
                  {t('scheme.legal_basis')}
                </Title>
                <List spacing={4} size="sm">
                  {scheme.legalBasis.map((b) => (
                    <List.Item key={b.ref}>
                      <Text span fw={600} size="sm">
                        {b.ref}
                      </Text>{' '}
                      — {b.title[lang]}
                    </List.Item>
                  ))}
                </List>
              </Stack>
              {scheme.qualifiers.length > 0 && (
                <Stack gap="xs">
                  <Title order={2} size="h4">
                    {t('scheme.qualifiers')}
                  </Title>
                  {scheme.qualifiers.map((q) => (
                    <Text key={q.code} size="sm">
                      <Text span fw={600}>
                        {q.label[lang]}
                      </Text>{' '}
                      — {t('scheme.qualifier_rule', { products: q.products.join(', ') })}
                    </Text>
                  ))}
                </Stack>
              )}
            </Stack>
          </PanelBoundary>
        </Tabs.Panel>
        <Tabs.Panel value="dimensions" pt="md">
          <PanelBoundary>
            <SchemeDimensions scheme={scheme} />
          </PanelBoundary>
        </Tabs.Panel>
        <Tabs.Panel value="instruments" pt="md">
          <PanelBoundary>
            <SchemeInstruments scheme={scheme} />
          </PanelBoundary>
        </Tabs.Panel>
        <Tabs.Panel value="assumptions" pt="md">
          <PanelBoundary>
            <SchemeAssumptions scheme={scheme} />
          </PanelBoundary>
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
