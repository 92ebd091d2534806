/**
 * Chinese UI strings (the default locale). `en.ts` must have exactly the same keys: the type enforces it at
 * compile time and lib/i18n/dictionaries.test.ts at test time. Placeholders look like `{n}` and are filled by `fill`.
 */
export const zh = {
  site: {
    name: 'MQ Lab',
    /** This locale's name in its own language (language choice and switch). */
    languageName: '中文',
    tagline: '为面试准备的消息队列实验室：RabbitMQ、Kafka、RocketMQ',
    description: '用课程、可单步回放的故障模拟和练习题，弄懂 RabbitMQ、Kafka 和 RocketMQ，准备面试。',
    skipToContent: '跳到正文',
    mainNav: '主导航',
    home: '首页',
    switchLanguage: 'English',
    switchLanguageLabel: '切换到英文版本',
    footer: 'MQ Lab：课程内容均已对照官方文档核对。',
  },
  root: {
    title: 'MQ Lab：选择语言',
    heading: '选择语言 · Choose a language',
    redirecting: '正在打开中文版本……',
  },
  home: {
    title: '学习消息队列，准备面试',
    intro: '从你的笔记出发：每个问题一课，先给出 30 秒的面试回答，再讲清原理、陷阱和追问，最后做小测验。',
    tracksHeading: '学习路线',
    lessonCount: '{n} 课',
    noLessons: '课程编写中',
    coverageLabel: '笔记问题覆盖率',
    coverage: '已解答你笔记中 {total} 个问题里的 {n} 个',
  },
  tracks: {
    basics: { title: 'MQ 基础', description: '什么是消息队列、为什么用它、可靠性、重复与丢失。' },
    rabbitmq: { title: 'RabbitMQ', description: 'AMQP 模型、交换机与路由、确认机制、死信与延迟、仲裁队列。' },
    kafka: { title: 'Kafka', description: '分区与副本、ISR 与高水位、生产者 acks、消费者组与再均衡。' },
    rocketmq: { title: 'RocketMQ', description: 'NameServer 与 Broker、顺序消息、重试与死信、事务消息。' },
  },
  track: {
    lessonsHeading: '本路线的课程',
    empty: '这条路线的课程还在编写中。',
    lessonNumber: '第 {n} 课',
  },
  lesson: {
    breadcrumbs: '面包屑导航',
    fromNotes: '你的笔记里的问题',
    toc: '本页内容',
    sources: '参考资料',
    verified: '已核对的版本',
    pager: '课程翻页',
    previous: '上一课',
    next: '下一课',
  },
  mdx: {
    answer30s: '30 秒面试回答',
    callout: { note: '注意', pitfall: '陷阱', deepdive: '深入' },
    correctionSaid: '笔记中的说法',
    correctionTrue: '实际情况',
    correctionSince: '适用于：{since}',
    correctionSource: '出处',
    versions: '版本差异',
    followUps: '面试官可能追问',
    recap: '要点回顾',
    termTitle: '术语：{id}',
    simulationLabel: '模拟场景',
    simulationSoon: '交互式模拟即将上线。',
    simulationButton: '打开模拟（即将推出）',
  },
  quiz: {
    heading: '小测验',
    itemOf: '第 {n} 题，共 {total} 题',
    check: '检查答案',
    retry: '再试一次',
    correct: '回答正确。',
    incorrect: '回答错误。',
    true: '正确',
    false: '错误',
    moveUp: '上移：{item}',
    moveDown: '下移：{item}',
    orderingHint: '用“上移”“下移”按钮把各项排成正确顺序。',
    position: '第 {n} 位',
    multipleHint: '可多选。',
    seeSection: '回到课程的相关小节',
    predictPlaceholder: '这道题在模拟器里作答：模拟器上线后即可运行场景并核对结果。',
    selectFirst: '请先作答。',
  },
  notFound: {
    title: '页面不存在',
    text: '找不到这个页面。它可能已被移动，或者地址有误。',
    home: '返回中文首页',
  },
};

/** The shape every locale's dictionary must have (derived from the default locale). */
export type Dictionary = typeof zh;
