import type { LocaleKey } from '@open-liveness/locales';
/** The browsers whose camera settings differ enough to need their own instructions. */
export type BrowserKind =
  | 'in_app'
  | 'android_webview'
  | 'samsung'
  | 'edge_android'
  | 'edge'
  | 'chrome_android'
  | 'chrome'
  | 'firefox'
  | 'safari_ios'
  | 'safari_macos'
  | 'other';

const IN_APP =
  /FBAN|FBAV|FB_IAB|Instagram|Telegram|Line\/|MicroMessenger|Twitter|Snapchat|TikTok|musical_ly|LinkedInApp|Pinterest/i;

/** Pure user-agent sniffing, only to pick the right help text (never to decide what the plugin can do). */
export function detectBrowser(ua: string): BrowserKind {
  const android = /Android/i.test(ua);
  const ios = /iPhone|iPad|iPod/i.test(ua);
  if (IN_APP.test(ua)) return 'in_app';
  if (android && /; wv\)/.test(ua)) return 'android_webview';
  if (/SamsungBrowser/i.test(ua)) return 'samsung';
  if (/EdgA\//.test(ua)) return 'edge_android';
  if (/Edg(e|iOS)?\//.test(ua)) return 'edge';
  if (/Firefox\/|FxiOS\//.test(ua)) return 'firefox';
  if (ios) return 'safari_ios';
  if (/Chrome\/|Chromium\//.test(ua)) return android ? 'chrome_android' : 'chrome';
  if (/Safari\//.test(ua) && /Macintosh/.test(ua)) return 'safari_macos';
  return 'other';
}

/** Locale keys of the "how to allow the camera" steps for a browser (title first). */
export function cameraTutorial(browser: BrowserKind): {
  titleKey: LocaleKey;
  stepKeys: LocaleKey[];
  external: boolean;
} {
  switch (browser) {
    case 'in_app':
      return {
        titleKey: 'oz_tutorial_camera_external_browser_title',
        stepKeys: ['oz_tutorial_camera_external_browser_manual_open_link'],
        external: true,
      };
    case 'android_webview':
      return {
        titleKey: 'oz_tutorial_camera_android_webview_title',
        stepKeys: ['oz_tutorial_camera_android_webview_instruction'],
        external: true,
      };
    case 'chrome_android':
      return {
        titleKey: 'oz_tutorial_camera_android_chrome_with_screens_title',
        stepKeys: [
          'oz_tutorial_camera_android_chrome_instruction_screen_click_settings',
          'oz_tutorial_camera_android_chrome_instruction_screen_permissions',
          'oz_tutorial_camera_android_chrome_instruction_screen_allow_access',
        ],
        external: false,
      };
    case 'edge_android':
      return {
        titleKey: 'oz_tutorial_camera_android_edge_title',
        stepKeys: ['oz_tutorial_camera_android_edge_instruction'],
        external: false,
      };
    case 'edge':
    case 'chrome':
    case 'other':
      return {
        titleKey: 'error_no_camera_access',
        stepKeys: ['oz_tutorial_camera_chrome_desktop_instruction'],
        external: false,
      };
    case 'firefox':
      return {
        titleKey: 'error_no_camera_access',
        stepKeys: ['oz_tutorial_camera_firefox_instruction'],
        external: false,
      };
    case 'safari_ios':
      return {
        titleKey: 'error_no_camera_access',
        stepKeys: ['oz_tutorial_camera_safari_ios_instruction'],
        external: false,
      };
    case 'safari_macos':
      return {
        titleKey: 'error_no_camera_access',
        stepKeys: ['oz_tutorial_camera_safari_macos_instruction'],
        external: false,
      };
    case 'samsung':
      return {
        titleKey: 'error_no_camera_access',
        stepKeys: ['oz_tutorial_camera_samsung_instruction'],
        external: false,
      };
  }
}
