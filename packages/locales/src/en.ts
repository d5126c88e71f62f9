/**
 * English: the reference pack and the per-key fallback for packs added with `add_lang`. Its keys are the
 * `LocaleKey` union; every other built-in pack must hold exactly these keys (checked by the compiler through
 * `CompletePack` and by packs.test.ts).
 */
export const en = {
  // buttons
  action_photo_button: 'Take photo',
  try_again: 'Try again',
  tap_to_continue: 'Tap to continue',
  record_button: 'Start',
  result_close_button: 'Close',
  alert_close_button: 'Close',
  action_confirm_button: 'Confirm',
  action_repeat_button: 'Retake',
  action_skip_button: 'Skip',
  action_camera_switch_button: 'Switch camera',
  action_tutorial_button: 'How it works',
  doc_upload_button: 'Upload a file',
  doc_button_separator: 'or',
  doc_capture_button: 'Use the camera',
  oz_tutorial_camera_external_browser_button: 'Open in your browser',
  // camera tutorials
  oz_tutorial_camera_android_chrome_with_screens_title: 'Allow camera access in Chrome',
  oz_tutorial_camera_android_chrome_instruction_screen_click_settings:
    'Tap the icon next to the address to open site settings.',
  oz_tutorial_camera_android_chrome_instruction_screen_permissions: 'Open Permissions.',
  oz_tutorial_camera_android_chrome_instruction_screen_allow_access:
    'Set Camera to Allow, then reload the page.',
  oz_tutorial_camera_external_browser_title: 'Open this page in your browser',
  oz_tutorial_camera_external_browser_manual_open_link:
    'Copy the link and paste it into your default browser.',
  oz_tutorial_camera_android_edge_browser: 'Microsoft Edge',
  oz_tutorial_camera_android_edge_instruction:
    'Open Settings › Site permissions › Camera and allow this site.',
  oz_tutorial_camera_android_edge_title: 'Allow camera access in Edge',
  oz_tutorial_camera_android_webview_browser: 'In-app browser',
  oz_tutorial_camera_android_webview_instruction:
    'Allow the app to use the camera in your phone settings, or open the page in a browser.',
  oz_tutorial_camera_android_webview_title: 'Allow camera access in this app',
  // errors and camera access
  error_no_camera_access: 'The page is not allowed to use the camera.',
  error_camera_timeout_title: 'The camera did not start',
  error_camera_timeout_instruction: 'Allow camera access in the browser prompt or settings, then try again.',
  error_camera_timeout_android_facebook_instruction: 'Open the page in your phone browser to use the camera.',
  accessing_camera_switch_to_another_browser: 'If the camera does not start, try another browser.',
  error_connection_lost: 'The connection was lost.',
  error_service_unavailable: 'The service is unavailable. Please try again later.',
  unable_load_resource: 'A required file could not be loaded.',
  error_no_camera: 'No camera could be used.',
  error_no_camera_ios: 'No camera could be used. Please open the page in Safari.',
  error_bad_camera: 'The camera is not working properly.',
  error_slow_backend: 'This browser lacks features we need. Please use another browser.',
  error_data_upload: 'Uploading failed.',
  error_result: 'The result could not be obtained.',
  error_unknown: 'Something went wrong.',
  error_license: 'This site is not licensed to use the liveness check.',
  error_upload_too_big: 'The file is too large.',
  error_upload_unknown: 'The file could not be processed.',
  // status
  analysis_in_progress: 'Checking…',
  accessing_camera: 'Starting the camera…',
  loading_resources: 'Loading…',
  device_turn: 'Please turn your device upright.',
  number_of_attempts_exhausted: 'No attempts left.',
  result_state_processing: 'Processing',
  result_state_finished: 'Done',
  processing_data: 'Processing…',
  uploading_data: 'Uploading…',
  requesting_result: 'Getting the result…',
  network_upload_status_processing: 'Uploading video…',
  network_upload_status_done: 'Video uploaded',
  network_upload_status_failed: 'Video upload failed',
  network_upload_status_processing_image: 'Uploading photo…',
  network_upload_status_done_image: 'Photo uploaded',
  network_upload_status_failed_image: 'Photo upload failed',
  network_video_analyses_status_analyse_is: 'Analysis:',
  network_video_analyses_status_analyse_is_processing: 'Analysis in progress',
  network_video_analyses_status_failed: 'Analysis failed',
  network_request_failed: 'A network request failed.',
  check_internet_connection: 'Check your internet connection.',
  // capture hints
  action_hint_no_face: 'Place your face in the oval',
  more_than_one_face: 'Only one person should be in view',
  action_hint_not_centered: 'Centre your face in the oval',
  action_hint_move_closer: 'Move closer',
  action_hint_move_away: 'Move back',
  action_hint_move_even_closer: 'Move a little closer',
  action_hint_move_even_away: 'Move back a little more',
  action_hint_look_straight: 'Look straight at the camera',
  action_hint_dont_smile: 'Keep a neutral face for now',
  action_hint_dont_left_or_right_head: 'Keep your head straight for now',
  action_hint_open_eyes_wide: 'Keep your eyes open',
  action_hint_face_aligned: 'Hold still',
  action_hint_remove_sunglasses: 'Take off your sunglasses',
  action_hint_remove_mask: 'Take off your mask',
  action_hint_too_dark: 'Find better light',
  action_hint_too_blurry: 'Hold the camera still',
  action_hint_OK: 'Great!',
  action_hint_OK_intermediate: 'Good, keep still',
  action_repeat: "Let's try that again",
  action_look_at_screen: 'Look at the screen',
  alert_dialog_fail_action_title: 'The movement was not recognised',
  // gesture prompts (the documented oz_ keys; legacy action_*_go names are aliases, see aliases.ts)
  action_zoom_in_go: 'Move closer to the screen',
  action_zoom_out_go: 'Move away from the screen',
  oz_action_smile_go: 'Smile',
  oz_action_eyes_go: 'Blink',
  oz_action_high_go: 'Tilt your head up',
  oz_action_down_go: 'Tilt your head down',
  oz_action_left_go: 'Turn your head to the left',
  oz_action_right_go: 'Turn your head to the right',
  oz_action_scan_go: 'Follow the text with your eyes',
  // our own
  close_button_label: 'Close',
  capture_region_label: 'Face capture',
  error_insecure_context:
    'This page is not served over a secure connection (https), so the camera cannot be used.',
  error_iframe_not_allowed: 'The liveness check cannot run inside an embedded frame on this site.',
  error_vision_crashed: 'The face analysis stopped unexpectedly.',
  error_title: 'Something stopped the check',
  error_advice_retry: 'Check your connection, then try again.',
  error_advice_camera: 'Allow camera access for this site, then try again.',
  error_advice_camera_busy: 'Close other apps or tabs that use the camera, then try again.',
  error_advice_no_camera: 'Connect a camera, or use a device with a camera, then try again.',
  error_advice_open_https: 'Open the page over https, or ask the site owner to fix it.',
  error_advice_contact: 'Please contact the site owner.',
  error_advice_gesture: 'Follow the prompt on screen a little more slowly, then try again.',
  error_advice_position: 'Find good light and keep your face inside the oval, then try again.',
  camera_request_title: 'Allow camera access',
  camera_request_text:
    'Your browser will ask to use the camera. It is needed to check that you are present; nothing is recorded before you start.',
  loading_slow: 'Still loading… this can take a little longer on a slow connection.',
  instructions_title: 'Before you start',
  instructions_light: 'Find a well-lit place.',
  instructions_face: 'Remove glasses, masks and hats.',
  instructions_oval: 'Keep your face inside the oval and follow the prompts.',
  start_button: 'Start',
  action_confirmed: 'Great!',
  result_success: 'Check passed',
  result_declined: 'Check not passed',
  result_done_text: 'Thank you. You can close this window.',
  no_face_hint_2: 'Make sure your face is visible and well lit',
  no_face_hint_3: 'Hold the device at eye level, about an arm’s length away',
  no_face_hint_4: 'Still nothing? Check that the right camera is selected and not covered',
  camera_picker_label: 'Camera',
  oz_tutorial_camera_chrome_desktop_instruction:
    'Click the camera icon in the address bar, choose Allow, then try again.',
  oz_tutorial_camera_firefox_instruction:
    'Click the camera icon left of the address, remove the block, then try again.',
  oz_tutorial_camera_safari_ios_instruction:
    'Tap “aA” in the address bar › Website Settings › Camera › Allow, then try again.',
  oz_tutorial_camera_safari_macos_instruction:
    'Safari › Settings for This Website › Camera › Allow, then try again.',
  oz_tutorial_camera_samsung_instruction:
    'Tap the menu › Settings › Sites and downloads › Site permissions › Camera, allow this site, then try again.',
  // anti-scam banner and version label (issue 10)
  antiscam_default_message:
    'Recording to confirm your identity. If a stranger asked you to do this, stop: it may be a scam.',
  antiscam_recording: 'Recording',
  version_label: 'Plugin version',
} as const;

/** Every key the plugin may show. The UI's translate function takes only these. */
export type LocaleKey = keyof typeof en;
/** A built-in pack: a translation for every key, no more, no less. */
export type CompletePack = { readonly [K in LocaleKey]: string };
/** What `add_lang` takes: any subset of the keys (unknown keys are kept for forward compatibility). */
export type LocalePack = Partial<Record<LocaleKey, string>> & Record<string, string>;
