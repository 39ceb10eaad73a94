module github.com/czql/czql/bench

go 1.26.8

replace github.com/czql/czql => ../

require (
	github.com/czql/czql v0.0.0-00010101000000-000000000000
	github.com/xwb1989/sqlparser v0.0.0-20180606152119-120387863bf2
)

require github.com/alecthomas/participle/v2 v2.1.4 // indirect
