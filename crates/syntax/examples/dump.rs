fn main() {
    let path = std::env::args().nth(1).unwrap();
    let src = std::fs::read_to_string(&path).unwrap();
    if std::env::args().nth(2).as_deref() == Some("tokens") {
        match gilvm_syntax::lexer::dump_tokens(&src) {
            Ok(s) => print!("{s}"),
            Err(e) => print!("{}", e.render(&path, &src, false)),
        }
        return;
    }
    if std::env::args().nth(2).as_deref() == Some("time") {
        let t = std::time::Instant::now();
        let r = gilvm_syntax::indent::tokenize(&src);
        println!("tokenize {:?}", t.elapsed());
        let t = std::time::Instant::now();
        let r = gilvm_syntax::parse(&src).map(|_| r);
        println!("{:?} ok={}", t.elapsed(), r.is_ok());
        return;
    }
    match gilvm_syntax::parse(&src) {
        Ok(m) => println!("{:#?}", m),
        Err(e) => print!("{}", e.render(&path, &src, false)),
    }
}
