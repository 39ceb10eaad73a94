// Package metadata models the output of the Clarizen REST API v2
// describeMetadata endpoint (czql-reference §6): entity types (Entity) with
// their fields (Field, typed by FieldType), relations (Relation) and
// pick-list values (Pickup). The validator, the translator, the REPL and the
// sandbox use it offline.
//
// # Loading
//
// Decode reads the JSON of describeMetadata or describeEntities
// ({"entityDescriptions":[…]}), and tolerantly a bare array of entity
// descriptions, listEntities ({"typeNames":[…]}) and describeEntityRelations
// ({"entityRelations":[…]}). Unknown keys are ignored; bad JSON gives a
// *DecodeError with line:column, bad values one with the path of the value
// (entityDescriptions[3] (Task).fields[5]). Load reads files, JSON or cache,
// and merges several (Merge: entities present in several sets are merged
// field by field and relation by relation, later sets winning). Encode
// writes describeMetadata JSON back.
//
// # Case-insensitivity
//
// Entity names, field names and relation names are compared
// case-insensitively (Unicode simple folding, with an ASCII fast path);
// lookups return the canonical spelling of the metadata. Each index is an
// open-addressing table of fold hashes, so a lookup of an ASCII name hashes
// eight bytes at a time, does not allocate and costs one probe sequence.
//
// # Inheritance
//
// An entity inherits the fields and relations of the entity named by its
// parentEntity, recursively (Task inherits from WorkItem). describe output
// usually repeats inherited fields on the subtype; when it does not, the
// parent chain supplies them (czql-reference §9 row 15): own fields first,
// then the inherited ones not shadowed by a nearer field of the same name.
// New resolves the chains once and indexes for each entity a block of its
// chain: itself and its lowbit(d)-1 nearest ancestors, d being its depth
// (1 at the root) and lowbit(d) the largest power of two dividing d, as in
// a Fenwick tree. Entity.Field probes the blocks of the chain nearest
// first: one probe for an entity at depth 1, 2 or 4 (Task under WorkItem is
// one), at most log2(d)+1 in general; and the blocks hold O(n log n)
// entries for a chain of n entities, where a combined index per entity
// would hold O(n²). AllFields and AllRelations are built on first use.
// Field.Owner is the entity that declares a field. Unknown parents end the
// chain; a cycle of parentEntity links is cut where it closes.
//
// # Cache format
//
// WriteCache writes a compact binary form that DecodeCache, ReadCache and
// Load read without JSON parsing. Format 2 is laid out for lazy loading:
//
//	magic      "CZQLMD2\n" (the digit is the format version)
//	header     varint FetchedAt (Unix ns, 0 = unknown), Host (string)
//	directory  uvarint entity count, then for each entity, sorted by
//	           TypeName: TypeName, ParentEntity (strings) and the uvarint
//	           length of its body block; the blocks follow the directory
//	           back to back, in the same order, so offsets are implied
//	blocks     one self-contained block per entity: a string table
//	           (uvarint count, then strings), then Label, LabelPlural,
//	           DisplayField (refs), flags, ValidStates (list), fields,
//	           relations, pickups (each a uvarint count then the items)
//	field      Name, 4-byte fold hash of Name, Label, PresentationType, Type,
//	           ReferencedEntities (list), DefaultValue (ref), a bitset of
//	           the ten booleans, DecimalPlaces and MaxLength (zig-zag
//	           varints), Flags (list), RestrictedFieldSetName
//	crc        CRC-32C of everything after the magic, little-endian
//
// A string is a uvarint length and the bytes; a ref is a uvarint index into
// the block's table, 0 meaning "" and 1… the table's strings; a list is a
// count and refs.
//
// Loading verifies the checksum, reads the directory, indexes the entity
// names and resolves parents, and walks every block once to check its
// structure (with the decoder itself, allocating nothing); it keeps the
// file's bytes and decodes nothing else. An entity is materialised — its
// block decoded, its fields, relations and pickups cut from a few slabs,
// its strings sliced from the file, its block index built after its
// ancestors' — on first access: Metadata.Entity, Subtypes (which selects
// by the directory and materialises only its results), Entity.Parent and
// the lookup methods of Entity. Entities materialises every entity;
// EntityNames none. Materialisation is guarded per entity (an atomic flag
// and a mutex), so concurrent readers are safe. Sets built by New or
// Decode are indexed eagerly.
//
// Every count and length is bounded by the input left, so a corrupt or
// truncated cache gives an error wrapping ErrCorruptCache at load, never a
// panic or a large allocation; since every block is checked at load, a
// later decode cannot fail. A cache of format 1 ("CZQLMD1\n") is rejected
// with an error wrapping ErrCorruptCache that asks to run czql metadata
// fetch again.
package metadata
