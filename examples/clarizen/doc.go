// Package clarizen shows the code `czql gen` writes: the typed handles of
// some entities of the shared metadata fixture (testdata/metadata), for
// the query builder of package czql. The file clarizen.go is generated;
// a test fails when it is out of date.
//
//	q := czql.SelectFields(clarizen.Task.Name, clarizen.Task.Manager.Fields().Name).
//		FromEntity(clarizen.Task).
//		Where(clarizen.Task.State.In(clarizen.TaskStateActive), clarizen.Task.DueDate.Lt(due)).
//		OrderByField(clarizen.Task.DueDate, czql.Desc)
package clarizen

//go:generate go run ../../cmd/czql gen --metadata ../../testdata/metadata/clarizen.json --entities Task,Project,Milestone,User,Customer --package clarizen -o clarizen.go
