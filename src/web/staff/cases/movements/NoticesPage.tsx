import { useTranslation } from 'react-i18next';
import { ScreenHeader } from '../../components/ScreenHeader.tsx';
import { NoticeList } from './NoticeList.tsx';

/**
 * The organisation's unread movement notices on a screen of their own, for everyone who reads cases: a
 * protection officer cannot open the Movements screen, where planners read them beside the movements.
 */
export default function NoticesPage() {
  const { t } = useTranslation();
  return (
    <>
      <ScreenHeader title={t('cases.notices.title')} description={t('cases.notices.intro')} />
      <NoticeList />
    </>
  );
}
