// The messages a person sees when linking fails, word for word from the help page (seed 000's
// error table), each with what to do. Types come from the link workflows' ApplicationFailures and
// from the web flow itself.

export interface LinkErrorMessage {
  message: string;
  remedy: string;
}

const UNKNOWN_REMEDY =
  '他の認証情報が残っている可能性があるため、プライベートモードで連携をお試しください。それでも解決しない場合、サポートデスクまでお問い合わせください。';

export const LINK_ERRORS = {
  BUSINESS_MISMATCH: {
    message: '連携に失敗しました。freeeから事業所の切り替え操作を実施してください。LINE WORKSに連携済みの事業所に切り替え後、再度連携をお試しください。',
    remedy: 'LINE WORKSに連携済みの事業所に切り替えた後、再度連携設定を行ってください。',
  },
  ALREADY_LINKED: {
    message: '連携に失敗しました。既に他のLINE WORKSにID連携されています。ID連携を解除してから再度お試しください。',
    remedy:
      'LINE WORKSに連携済みのLINE WORKSアカウントをそのままご利用いただくか、そちらを解除してから新しく連携したいLINE WORKSアカウントで連携設定を行ってください。',
  },
  ACCOUNT_IN_USE: {
    message: '連携に失敗しました。このLINE WORKSアカウントは、この事業所の他のfreeeユーザーとID連携されています。ID連携を解除してから再度お試しください。',
    remedy: 'ID連携済みのfreeeユーザーでログインしてID連携を解除してから、再度連携設定を行ってください。',
  },
  TOKEN_INVALID: {
    message:
      '連携に失敗しました。LINE WORKSの認証に失敗しました。LINE WORKSから一度ログアウトしてください。その後、LINE WORKSにログインし直し、再度連携をお試しください。',
    remedy: 'LINE WORKSを一度ログアウトして、LINE WORKSにログインし直し、再度連携をお試しください。',
  },
  NOT_LINKED: {
    message: '連携に失敗しました。この事業所はLINE WORKSと連携されていません。',
    remedy: '通知を受け取るには、通知を受け取りたい事業所の管理者が事前に連携設定を行っている必要があります。事業所の管理者にお問い合わせください。',
  },
  TENANT_LINKED_ELSEWHERE: {
    message: '連携に失敗しました。このLINE WORKSは既に他の事業所と連携されています。',
    remedy: '1つのLINE WORKSに対して、複数の事業所を連携することはできません。連携済みの事業所から連携を解除してから、再度お試しください。',
  },
  NOT_LINKED_EMPLOYEE: {
    message: 'ID連携されていないため、連携を解除できません。',
    remedy: 'ID連携済みの事業所とfreeeユーザーでログインしているかご確認ください。',
  },
  TRANSIENT: {
    message: '連携に失敗しました。時間をおいて再度LINE WORKSから連携をお試しください。',
    remedy: UNKNOWN_REMEDY,
  },
  UNEXPECTED: {
    message: '連携に失敗しました。エラーが発生しました。サポートデスクまでお問い合わせください。',
    remedy: UNKNOWN_REMEDY,
  },
  EXPIRED: {
    message: '連携に失敗しました。時間をおいて再度LINE WORKSから連携をお試しください。',
    remedy: 'この画面の有効期限が切れたか、既に使用されています。LINE WORKSのトーク画面からもう一度操作してください。',
  },
  ADMIN_ONLY: {
    message: 'LINE WORKS連携の設定は、事業所の管理者のみが行えます。',
    remedy: '事業所の管理者権限を持つfreeeユーザーでログインしてください。',
  },
} satisfies Record<string, LinkErrorMessage>;

export type LinkErrorKind = keyof typeof LINK_ERRORS;

export const isLinkErrorKind = (t: string): t is LinkErrorKind => Object.prototype.hasOwnProperty.call(LINK_ERRORS, t);
