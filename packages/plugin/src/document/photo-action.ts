import { PHOTO_ACTIONS, type PhotoActionId } from '@open-liveness/trust';

/** The document photo actions (photo_id_front, photo_id_back), run by the lazy document chunk. */
export const isPhotoAction = (a: string | undefined): a is PhotoActionId =>
  (PHOTO_ACTIONS as readonly (string | undefined)[]).includes(a);
