import { Anchor, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormatters } from '../../components/format.ts';
import { Fact, Facts } from '../components/Facts.tsx';
import { Mono } from '../components/Mono.tsx';
import { useMe } from '../session.ts';
import type { PublicationSummary } from './types.ts';
import { usePeriodName } from './ui.tsx';

/**
 * What anyone can check about a publication: when, which period and framework, the hash of what was published
 * and its entry in the transparency log (a link to the log for those who may read it).
 */
export function PublicationFacts({ publication }: { publication: PublicationSummary }) {
  const { t } = useTranslation();
  const me = useMe();
  const format = useFormatters();
  const periodName = usePeriodName();
  const seq = format.number(publication.auditSeq);
  return (
    <Facts>
      <Fact label={t('zones.publication.period')}>{periodName(publication.period)}</Fact>
      <Fact label={t('zones.publication.publishedAt')}>{format.dateTime(publication.publishedAt)}</Fact>
      <Fact label={t('zones.publication.frameworkVersion')}>
        {t('zones.framework.versionNumber', { version: publication.frameworkVersion })}
      </Fact>
      <Fact label={t('zones.publication.zoneCount')}>{format.number(publication.zoneCount)}</Fact>
      <Fact label={t('zones.publication.logEntry')}>
        {me.permissions.includes('audit:read') ? (
          <Anchor component={Link} to="/staff/administration/transparency-log">
            {t('zones.publication.logEntryNumber', { seq })}
          </Anchor>
        ) : (
          t('zones.publication.logEntryNumber', { seq })
        )}
      </Fact>
      <Fact label={t('zones.publication.contentHash')}>
        <Mono>{publication.contentHash}</Mono>
      </Fact>
      {publication.replaces ? (
        <Fact label={t('zones.publication.correction')}>
          <Text span size="sm">
            {t('zones.publication.replaces')} <Mono>{publication.replaces}</Mono>
          </Text>
          {publication.reason ? (
            <Text size="sm" fw={400}>
              {t('zones.publication.reasonLine', { reason: publication.reason })}
            </Text>
          ) : null}
        </Fact>
      ) : null}
    </Facts>
  );
}
