-- Search over the register (names, descriptions, references, vendors, customers): an FTS5 index with
-- the trigram tokenizer, so that any fragment of three characters or more matches ("ixor" finds
-- IxorDocs, "eeters" Boekhoudkantoor Peeters). Writes only queue what changed (search_pending, filled
-- by the triggers below inside the write's own transaction, at the cost of one small row); the index
-- takes the queue in before each search and on each scheduler tick (src/core/search/search-index.ts),
-- in one transaction of set-wise statements: indexing on every commit halved the audited write rate.
-- search_entries gives each entity an integer rowid (the index's key) and the label a result shows.
CREATE TABLE `search_entries` (
	`rowid` integer PRIMARY KEY,
	`kind` text NOT NULL,
	`entity_id` text NOT NULL UNIQUE,
	`label` text NOT NULL
);
--> statement-breakpoint
CREATE VIRTUAL TABLE `search_index` USING fts5(title, body, tokenize = 'trigram');
--> statement-breakpoint
CREATE TABLE `search_pending` (
	`entity_id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL
);
--> statement-breakpoint
CREATE TRIGGER `processing_activities_search_insert` AFTER INSERT ON `processing_activities` BEGIN
  INSERT OR REPLACE INTO search_pending (entity_id, kind) VALUES (new.id, 'activity');
END;
--> statement-breakpoint
CREATE TRIGGER `processing_activities_search_update` AFTER UPDATE ON `processing_activities` BEGIN
  INSERT OR REPLACE INTO search_pending (entity_id, kind) VALUES (new.id, 'activity');
END;
--> statement-breakpoint
CREATE TRIGGER `processing_activities_search_delete` AFTER DELETE ON `processing_activities` BEGIN
  INSERT OR REPLACE INTO search_pending (entity_id, kind) VALUES (old.id, 'activity');
END;
--> statement-breakpoint
INSERT INTO search_pending (entity_id, kind) SELECT id, 'activity' FROM `processing_activities`;
--> statement-breakpoint
CREATE TRIGGER `sub_processors_search_insert` AFTER INSERT ON `sub_processors` BEGIN
  INSERT OR REPLACE INTO search_pending (entity_id, kind) VALUES (new.id, 'sub_processor');
END;
--> statement-breakpoint
CREATE TRIGGER `sub_processors_search_update` AFTER UPDATE ON `sub_processors` BEGIN
  INSERT OR REPLACE INTO search_pending (entity_id, kind) VALUES (new.id, 'sub_processor');
END;
--> statement-breakpoint
CREATE TRIGGER `sub_processors_search_delete` AFTER DELETE ON `sub_processors` BEGIN
  INSERT OR REPLACE INTO search_pending (entity_id, kind) VALUES (old.id, 'sub_processor');
END;
--> statement-breakpoint
INSERT INTO search_pending (entity_id, kind) SELECT id, 'sub_processor' FROM `sub_processors`;
--> statement-breakpoint
CREATE TRIGGER `customers_search_insert` AFTER INSERT ON `customers` BEGIN
  INSERT OR REPLACE INTO search_pending (entity_id, kind) VALUES (new.id, 'customer');
END;
--> statement-breakpoint
CREATE TRIGGER `customers_search_update` AFTER UPDATE ON `customers` BEGIN
  INSERT OR REPLACE INTO search_pending (entity_id, kind) VALUES (new.id, 'customer');
  -- An agreement is found by its customer's name too.
  INSERT OR REPLACE INTO search_pending (entity_id, kind) SELECT id, 'agreement' FROM agreements WHERE customer_id = new.id;
END;
--> statement-breakpoint
CREATE TRIGGER `customers_search_delete` AFTER DELETE ON `customers` BEGIN
  INSERT OR REPLACE INTO search_pending (entity_id, kind) VALUES (old.id, 'customer');
END;
--> statement-breakpoint
INSERT INTO search_pending (entity_id, kind) SELECT id, 'customer' FROM `customers`;
--> statement-breakpoint
CREATE TRIGGER `agreements_search_insert` AFTER INSERT ON `agreements` BEGIN
  INSERT OR REPLACE INTO search_pending (entity_id, kind) VALUES (new.id, 'agreement');
END;
--> statement-breakpoint
CREATE TRIGGER `agreements_search_update` AFTER UPDATE ON `agreements` BEGIN
  INSERT OR REPLACE INTO search_pending (entity_id, kind) VALUES (new.id, 'agreement');
END;
--> statement-breakpoint
CREATE TRIGGER `agreements_search_delete` AFTER DELETE ON `agreements` BEGIN
  INSERT OR REPLACE INTO search_pending (entity_id, kind) VALUES (old.id, 'agreement');
END;
--> statement-breakpoint
INSERT INTO search_pending (entity_id, kind) SELECT id, 'agreement' FROM `agreements`;
--> statement-breakpoint
CREATE TRIGGER `data_categories_search_insert` AFTER INSERT ON `data_categories` BEGIN
  INSERT OR REPLACE INTO search_pending (entity_id, kind) VALUES (new.id, 'data_category');
END;
--> statement-breakpoint
CREATE TRIGGER `data_categories_search_update` AFTER UPDATE ON `data_categories` BEGIN
  INSERT OR REPLACE INTO search_pending (entity_id, kind) VALUES (new.id, 'data_category');
END;
--> statement-breakpoint
CREATE TRIGGER `data_categories_search_delete` AFTER DELETE ON `data_categories` BEGIN
  INSERT OR REPLACE INTO search_pending (entity_id, kind) VALUES (old.id, 'data_category');
END;
--> statement-breakpoint
INSERT INTO search_pending (entity_id, kind) SELECT id, 'data_category' FROM `data_categories`;
--> statement-breakpoint
CREATE TRIGGER `subject_categories_search_insert` AFTER INSERT ON `subject_categories` BEGIN
  INSERT OR REPLACE INTO search_pending (entity_id, kind) VALUES (new.id, 'subject_category');
END;
--> statement-breakpoint
CREATE TRIGGER `subject_categories_search_update` AFTER UPDATE ON `subject_categories` BEGIN
  INSERT OR REPLACE INTO search_pending (entity_id, kind) VALUES (new.id, 'subject_category');
END;
--> statement-breakpoint
CREATE TRIGGER `subject_categories_search_delete` AFTER DELETE ON `subject_categories` BEGIN
  INSERT OR REPLACE INTO search_pending (entity_id, kind) VALUES (old.id, 'subject_category');
END;
--> statement-breakpoint
INSERT INTO search_pending (entity_id, kind) SELECT id, 'subject_category' FROM `subject_categories`;
--> statement-breakpoint
CREATE TRIGGER `security_measures_search_insert` AFTER INSERT ON `security_measures` BEGIN
  INSERT OR REPLACE INTO search_pending (entity_id, kind) VALUES (new.id, 'security_measure');
END;
--> statement-breakpoint
CREATE TRIGGER `security_measures_search_update` AFTER UPDATE ON `security_measures` BEGIN
  INSERT OR REPLACE INTO search_pending (entity_id, kind) VALUES (new.id, 'security_measure');
END;
--> statement-breakpoint
CREATE TRIGGER `security_measures_search_delete` AFTER DELETE ON `security_measures` BEGIN
  INSERT OR REPLACE INTO search_pending (entity_id, kind) VALUES (old.id, 'security_measure');
END;
--> statement-breakpoint
INSERT INTO search_pending (entity_id, kind) SELECT id, 'security_measure' FROM `security_measures`;
