import { useFetcher, useSearchParams } from '@remix-run/react';
import {
  Badge,
  Banner,
  BlockStack,
  Box,
  Button,
  Card,
  Divider,
  FormLayout,
  InlineStack,
  Modal,
  Pagination,
  Select,
  Text,
  TextField,
} from '@shopify/polaris';
import { useState } from 'react';
import { type ActionResult, failureOf, useFetcherSuccess } from '~/admin/settings-common/action-result';
import { useAppLayout } from '~/lib/csrf';
import type { KnowledgeArticleView } from '../../../../server/src/modules/knowledge';

type Kind = 'policy' | 'faq';
type Article = Omit<KnowledgeArticleView, 'updatedAt'> & { updatedAt: Date | string };

const words = {
  policy: {
    heading: 'Policies',
    one: 'policy',
    add: 'Add policy',
    title: 'Title',
    body: 'Policy text',
    pageParam: 'policyPage',
  },
  faq: {
    heading: 'FAQ',
    one: 'FAQ entry',
    add: 'Add question',
    title: 'Question',
    body: 'Answer',
    pageParam: 'faqPage',
  },
} as const;

/**
 * Policies (shipping, returns, …) or FAQ entries: what the assistant may quote.
 * It states no policy that is not written here.
 */
export function KnowledgeCard(props: {
  kind: Kind;
  page: { articles: Article[]; total: number; page: number; pageCount: number };
  readOnly: boolean;
  policyTopics: readonly string[];
}) {
  const text = words[props.kind];
  const [editing, setEditing] = useState<Article | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Article | null>(null);
  const [params, setParams] = useSearchParams();
  const goTo = (page: number) => {
    const next = new URLSearchParams(params);
    next.set(text.pageParam, String(page));
    setParams(next, { preventScrollReset: true });
  };
  const { articles, total } = props.page;
  return (
    <Card>
      <BlockStack gap="400">
        <InlineStack align="space-between" blockAlign="center">
          <Text as="h2" variant="headingMd">
            {`${text.heading} (${total})`}
          </Text>
          {props.readOnly ? null : <Button onClick={() => setEditing('new')}>{text.add}</Button>}
        </InlineStack>
        {articles.length === 0 ? (
          <Text as="p" tone="subdued">
            {props.kind === 'policy'
              ? 'No policies yet. Add your shipping and returns policies first: shoppers ask about them most.'
              : 'No questions yet. Add the ones shoppers ask you most often.'}
          </Text>
        ) : (
          <BlockStack gap="300">
            {articles.map((article, index) => (
              <BlockStack gap="300" key={article.id}>
                {index > 0 ? <Divider /> : null}
                <InlineStack align="space-between" blockAlign="start" wrap={false} gap="400">
                  <BlockStack gap="100">
                    <InlineStack gap="200" blockAlign="center">
                      <Text as="h3" variant="headingSm">
                        {article.title}
                      </Text>
                      {article.topic ? <Badge>{article.topic}</Badge> : null}
                    </InlineStack>
                    <Text as="p" tone="subdued" breakWord>
                      {article.body.length > 180 ? `${article.body.slice(0, 180)}…` : article.body}
                    </Text>
                  </BlockStack>
                  {props.readOnly ? null : (
                    <InlineStack gap="300" wrap={false}>
                      <Button
                        variant="plain"
                        accessibilityLabel={`Edit ${article.title}`}
                        onClick={() => setEditing(article)}
                      >
                        Edit
                      </Button>
                      <Button
                        variant="plain"
                        tone="critical"
                        accessibilityLabel={`Delete ${article.title}`}
                        onClick={() => setDeleting(article)}
                      >
                        Delete
                      </Button>
                    </InlineStack>
                  )}
                </InlineStack>
              </BlockStack>
            ))}
          </BlockStack>
        )}
        {props.page.pageCount > 1 ? (
          <InlineStack align="center">
            <Pagination
              hasPrevious={props.page.page > 1}
              hasNext={props.page.page < props.page.pageCount}
              onPrevious={() => goTo(props.page.page - 1)}
              onNext={() => goTo(props.page.page + 1)}
              label={`Page ${props.page.page} of ${props.page.pageCount}`}
            />
          </InlineStack>
        ) : null}
      </BlockStack>
      {editing ? (
        <ArticleEditor
          kind={props.kind}
          article={editing === 'new' ? null : editing}
          topics={props.policyTopics}
          onClose={() => setEditing(null)}
        />
      ) : null}
      <DeleteArticle article={deleting} kind={props.kind} onClose={() => setDeleting(null)} />
    </Card>
  );
}

function ArticleEditor(props: { kind: Kind; article: Article | null; topics: readonly string[]; onClose(): void }) {
  const text = words[props.kind];
  const { csrfToken } = useAppLayout();
  const fetcher = useFetcher<ActionResult<{ intent: string }>>();
  const [values, setValues] = useState({
    topic: props.article?.topic ?? 'shipping',
    title: props.article?.title ?? '',
    body: props.article?.body ?? '',
  });
  const failure = failureOf(fetcher.data);
  useFetcherSuccess(fetcher, props.onClose);
  const submit = () =>
    fetcher.submit(
      {
        intent: props.article ? 'updateArticle' : 'createArticle',
        _csrf: csrfToken,
        articleId: props.article?.id ?? '',
        kind: props.kind,
        topic: props.kind === 'policy' ? values.topic : '',
        title: values.title,
        body: values.body,
      },
      { method: 'post' },
    );
  const field = (name: 'title' | 'body') => ({
    value: values[name],
    onChange: (value: string) => setValues((current) => ({ ...current, [name]: value })),
    error: failure?.fieldErrors?.[name],
    autoComplete: 'off',
  });
  return (
    <Modal
      open
      onClose={props.onClose}
      title={props.article ? `Edit ${text.one}` : text.add}
      primaryAction={{ content: 'Save', onAction: submit, loading: fetcher.state !== 'idle' }}
      secondaryActions={[{ content: 'Cancel', onAction: props.onClose }]}
    >
      <Modal.Section>
        <FormLayout>
          {failure && !failure.fieldErrors ? (
            <Banner tone="critical">
              <p>{failure.message}</p>
            </Banner>
          ) : null}
          {props.kind === 'policy' ? (
            <Select
              label="Topic"
              options={props.topics.map((topic) => ({ label: topic[0]?.toUpperCase() + topic.slice(1), value: topic }))}
              value={values.topic}
              onChange={(topic) => setValues((current) => ({ ...current, topic }))}
              error={failure?.fieldErrors?.topic}
            />
          ) : null}
          <TextField label={text.title} maxLength={200} {...field('title')} />
          <TextField label={text.body} multiline={8} maxLength={10000} showCharacterCount {...field('body')} />
        </FormLayout>
      </Modal.Section>
    </Modal>
  );
}

function DeleteArticle(props: { article: Article | null; kind: Kind; onClose(): void }) {
  const { csrfToken } = useAppLayout();
  const fetcher = useFetcher<ActionResult<{ intent: string }>>({
    key: `article-delete-${props.article?.id ?? 'none'}`,
  });
  const failure = failureOf(fetcher.data);
  useFetcherSuccess(fetcher, props.onClose);
  const article = props.article;
  return (
    <Modal
      open={article !== null}
      onClose={props.onClose}
      title={`Delete this ${words[props.kind].one}?`}
      primaryAction={{
        content: 'Delete',
        destructive: true,
        loading: fetcher.state !== 'idle',
        onAction: () =>
          article &&
          fetcher.submit({ intent: 'deleteArticle', articleId: article.id, _csrf: csrfToken }, { method: 'post' }),
      }}
      secondaryActions={[{ content: 'Cancel', onAction: props.onClose }]}
    >
      <Modal.Section>
        <Box>
          {failure ? (
            <Banner tone="critical">
              <p>{failure.message}</p>
            </Banner>
          ) : null}
          <Text as="p">{`“${article?.title ?? ''}” is removed, and the assistant stops citing it at once.`}</Text>
        </Box>
      </Modal.Section>
    </Modal>
  );
}
