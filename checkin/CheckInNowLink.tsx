import { useUiServices } from '../platform/services';

/** The address a page opens to ask for the check-in card ("Check in now"). */
export const CHECKIN_HASH = '#checkin';

/** A quiet link that opens the check-in card: the page hears the address change. */
export function CheckInNowLink() {
  const { t } = useUiServices();
  return (
    <a class="checkin-now" href={CHECKIN_HASH}>
      {t('checkInNow')}
    </a>
  );
}
