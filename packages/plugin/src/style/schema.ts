/**
 * The `open({style})` schema (customization spec §1): 13 sections, 71 fields, with the light-theme defaults.
 * Pure data; `normalize.ts` reads it and `css.ts` turns the result into CSS custom properties.
 */
export type FieldKind =
  | 'color'
  | 'length'
  | 'percent'
  | 'font'
  | 'weight'
  | 'fontStyle'
  | 'boolean'
  | 'text'
  | 'geometry'
  | 'closeIcon'
  | 'alpha';

/** The type a field holds after normalisation. */
export interface KindValue {
  color: string;
  length: string;
  percent: string;
  font: string;
  weight: string;
  fontStyle: 'normal' | 'italic' | 'oblique';
  boolean: boolean;
  text: string;
  geometry: 'oval' | 'rectangle';
  closeIcon: 'cross';
  alpha: number;
}

const f = <K extends FieldKind>(kind: K, def: KindValue[K]) => ({ kind, default: def });
const font = (size: string, weight: string) => ({
  textFont: f('font', 'inherit'),
  textSize: f('length', size),
  textWeight: f('weight', weight),
  textStyle: f('fontStyle', 'normal' as const),
});

export const STYLE_SCHEMA = {
  baseColorCustomization: {
    textColorPrimary: f('color', '#000000'),
    backgroundColorPrimary: f('color', '#FFFFFF'),
    textColorSecondary: f('color', '#8E8E93'),
    backgroundColorSecondary: f('color', '#F2F2F7'),
    iconColor: f('color', '#00A5BA'),
  },
  baseFontCustomization: { ...font('16px', '400'), textFont: f('font', 'Roboto, sans-serif') },
  titleFontCustomization: font('36px', '500'),
  buttonCustomization: {
    ...font('14px', '500'),
    textColorPrimary: f('color', '#FFFFFF'),
    backgroundColorPrimary: f('color', '#00A5BA'),
    textColorSecondary: f('color', '#00A5BA'),
    backgroundColorSecondary: f('color', '#DBF2F5'),
    cornerRadius: f('length', '10px'),
  },
  toolbarCustomization: {
    closeButtonIcon: f('closeIcon', 'cross' as const),
    iconColor: f('color', '#707070'),
  },
  centerHintCustomization: {
    ...font('24px', '500'),
    textColor: f('color', '#FFFFFF'),
    backgroundColor: f('color', '#1C1C1E'),
    backgroundOpacity: f('percent', '56%'),
    backgroundCornerRadius: f('length', '14px'),
    verticalPosition: f('percent', '38%'),
  },
  hintAnimation: {
    hideAnimation: f('boolean', false),
    hintGradientColor: f('color', '#00BCD5'),
    hintGradientOpacity: f('percent', '100%'),
    animationIconSize: f('length', '80px'),
  },
  faceFrameCustomization: {
    geometryType: f('geometry', 'oval' as const),
    cornersRadius: f('length', '0px'),
    strokeDefaultColor: f('color', '#D51900'),
    strokeFaceInFrameColor: f('color', '#00BCD5'),
    strokeOpacity: f('percent', '100%'),
    strokeWidth: f('length', '6px'),
    strokePadding: f('length', '4px'),
  },
  documentFrameCustomization: {
    cornersRadius: f('length', '20px'),
    templateColor: f('color', '#FFFFFF'),
    templateOpacity: f('percent', '100%'),
  },
  backgroundCustomization: {
    backgroundColor: f('color', '#FFFFFF'),
    backgroundOpacity: f('percent', '88%'),
  },
  antiscamCustomization: {
    enableAntiscam: f('boolean', false),
    textMessage: f('text', ''),
    ...font('14px', '500'),
    textColor: f('color', '#000000'),
    textOpacity: f('percent', '100%'),
    backgroundColor: f('color', '#F2F2F7'),
    backgroundOpacity: f('percent', '100%'),
    backgroundCornerRadius: f('length', '20px'),
    flashColor: f('color', '#FF453A'),
  },
  versionTextCustomization: {
    ...font('16px', '500'),
    textColor: f('color', '#000000'),
    textOpacity: f('percent', '56%'),
  },
  maskCustomization: {
    maskColor: f('color', '#008700'),
    glowColor: f('color', '#000102'),
    minAlpha: f('alpha', 0.3),
    maxAlpha: f('alpha', 1),
  },
} as const;

export type StyleSchema = typeof STYLE_SCHEMA;
export type SectionName = keyof StyleSchema;

/** The normalised style: every section and field present, each with its kind's type. */
export type NormalizedStyle = {
  readonly [S in SectionName]: {
    readonly [F in keyof StyleSchema[S]]: StyleSchema[S][F] extends { kind: infer K extends FieldKind }
      ? KindValue[K]
      : never;
  };
};

/** What a page may pass: any subset of sections and fields (values are checked at run time). */
export type StyleInput = {
  [S in SectionName]?: { [F in keyof StyleSchema[S]]?: unknown };
} & Record<string, unknown>;
