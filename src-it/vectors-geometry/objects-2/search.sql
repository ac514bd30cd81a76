-- the embedding index built with IVFFlat in place of HNSW
CREATE EXTENSION IF NOT EXISTS vector;
CREATE EXTENSION IF NOT EXISTS postgis;

CREATE INDEX vector_store_embedding_idx ON vector_store USING ivfflat (embedding vector_cosine_ops)
    WITH (lists = 100);
CREATE INDEX place_location_idx ON place USING gist (location);
