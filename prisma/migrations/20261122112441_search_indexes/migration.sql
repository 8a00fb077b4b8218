-- AlterTable
ALTER TABLE "Product" ALTER COLUMN "tags" SET DEFAULT ARRAY[]::TEXT[];

-- CreateIndex
CREATE INDEX "Variant_productId_priceCents_inventory_idx" ON "Variant"("productId", "priceCents", "inventory");

-- Title-only full-text index: product search ranks a small pool of title matches first (expression index; Prisma cannot model it).
CREATE INDEX "Product_title_search_idx" ON "Product" USING GIN (to_tsvector('english', "title"));

-- A product created without tags had a NULL search document (array_to_string(NULL) is NULL).
CREATE OR REPLACE FUNCTION "closer_product_search_vector"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."searchVector" :=
    setweight(to_tsvector('english', coalesce(NEW."title", '')), 'A') ||
    setweight(to_tsvector('english', coalesce(NEW."category", '') || ' ' || coalesce(NEW."vendor", '') || ' ' || coalesce(array_to_string(NEW."tags", ' '), '')), 'B') ||
    setweight(to_tsvector('english', coalesce(NEW."description", '')), 'C');
  RETURN NEW;
END
$$;

UPDATE "Product" SET "title" = "title" WHERE "searchVector" IS NULL;
